package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.curator.framework.api.transaction.OperationType;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/** client.transaction(), ZooKeeper's multi: all of its operations or none, as one transaction with one zxid. */
class TransactionTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;  // like the demos': namespace "crud"
    private static CuratorFramework zkCli;   // no namespace, its own session

    @BeforeAll
    static void connect() throws Exception {
        client = zk.closeAfterAll(Clients.crud(zk.connectString()));
        zkCli = zk.closeAfterAll(Clients.plain(zk.connectString()));
    }

    @Test
    void allOperationsHappenAsOneTransactionWithOneZxid() throws Exception {
        client.create().forPath("/tx-ok");
        client.create().forPath("/tx-ok/stock", "10".getBytes(UTF_8));
        client.create().forPath("/tx-ok/old-order");

        List<CuratorTransactionResult> results = client.transaction().forOperations(
                client.transactionOp().create().forPath("/tx-ok/order", "1".getBytes(UTF_8)),
                client.transactionOp().setData().withVersion(0).forPath("/tx-ok/stock", "9".getBytes(UTF_8)),
                client.transactionOp().delete().forPath("/tx-ok/old-order"),
                client.transactionOp().check().withVersion(1).forPath("/tx-ok/stock"));

        assertEquals(List.of(OperationType.CREATE, OperationType.SET_DATA, OperationType.DELETE, OperationType.CHECK),
                results.stream().map(CuratorTransactionResult::getType).toList());
        assertEquals("/tx-ok/order", results.get(0).getResultPath());
        assertEquals(1, results.get(1).getResultStat().getVersion());
        Stat order = zkCli.checkExists().forPath("/crud/tx-ok/order");
        Stat stock = zkCli.checkExists().forPath("/crud/tx-ok/stock");
        Stat parent = zkCli.checkExists().forPath("/crud/tx-ok");
        assertEquals(order.getCzxid(), stock.getMzxid(), "the create and the setData: one zxid");
        assertEquals(order.getCzxid(), parent.getPzxid(), "the delete too: the parent's last child change");
        assertNull(zkCli.checkExists().forPath("/crud/tx-ok/old-order"));
    }

    @Test
    void oneFailingOperationAndNoneHappens() throws Exception {
        client.create().forPath("/tx-fail");
        client.create().forPath("/tx-fail/stock", "10".getBytes(UTF_8));
        client.setData().forPath("/tx-fail/stock", "9".getBytes(UTF_8)); // dataVersion 1
        Stat before = zkCli.checkExists().forPath("/crud/tx-fail");

        KeeperException e = assertThrows(KeeperException.BadVersionException.class, () -> client.transaction().forOperations(
                client.transactionOp().create().forPath("/tx-fail/order", "1".getBytes(UTF_8)),
                client.transactionOp().setData().withVersion(0).forPath("/tx-fail/stock", "8".getBytes(UTF_8)),
                client.transactionOp().create().forPath("/tx-fail/receipt")));

        // One result per operation: OK for one that would have worked, the failure's code, then "not tried".
        assertEquals(List.of(KeeperException.Code.OK, KeeperException.Code.BADVERSION, KeeperException.Code.RUNTIMEINCONSISTENCY),
                e.getResults().stream().map(r -> KeeperException.Code.get(((OpResult.ErrorResult) r).getErr())).toList());
        assertEquals(List.of("stock"), zkCli.getChildren().forPath("/crud/tx-fail"), "no order, no receipt");
        assertEquals("9", new String(zkCli.getData().forPath("/crud/tx-fail/stock"), UTF_8));
        assertEquals(before, zkCli.checkExists().forPath("/crud/tx-fail"), "its parent did not change at all");
    }

    @Test
    void checkMakesATransactionDependOnAVersionAndChangesNothing() throws Exception {
        client.create().forPath("/tx-check");
        client.create().forPath("/tx-check/lock");
        client.setData().forPath("/tx-check/lock", "taken again".getBytes(UTF_8)); // dataVersion 1

        assertThrows(KeeperException.BadVersionException.class, () -> client.transaction().forOperations(
                client.transactionOp().check().withVersion(0).forPath("/tx-check/lock"),
                client.transactionOp().create().forPath("/tx-check/write")));
        assertNull(zkCli.checkExists().forPath("/crud/tx-check/write"));

        client.transaction().forOperations(
                client.transactionOp().check().withVersion(1).forPath("/tx-check/lock"),
                client.transactionOp().create().forPath("/tx-check/write"));
        assertEquals(1, zkCli.checkExists().forPath("/crud/tx-check/lock").getVersion(), "check() changed nothing");
        assertEquals(List.of("lock", "write"), zkCli.getChildren().forPath("/crud/tx-check").stream().sorted().toList());
    }
}
