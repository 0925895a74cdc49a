package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;

import com.zkcourse.tools.CourseMain;

/**
 * Topic 6: several changes as one. client.transaction() sends them in one request (ZooKeeper's multi), and
 * the server applies all of them or none: a sale is an order and a smaller stock, never one without the other.
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@transaction</pre>
 */
public final class TransactionDemo {

    private TransactionDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        Show.title("transaction: client.transaction(), all or nothing");
        try (ZkCliView zk = ZkCliView.open(connectString);
             CuratorFramework client = ConnectDemo.connect(connectString, "crud")) {
            Leftovers.clear(client);
            client.create().forPath("/stock", "10".getBytes(UTF_8));
            Show.line("setup: created /crud/stock = 10, the tickets left (dataVersion 0)");

            Show.step(1, "Sell a ticket: an order and the new stock, in one transaction");
            Show.call("CuratorOp order = client.transactionOp().create().forPath(\"/order-1\", \"1 ticket\".getBytes(UTF_8))");
            CuratorOp order = client.transactionOp().create().forPath("/order-1", "1 ticket".getBytes(UTF_8));
            Show.call("CuratorOp stock = client.transactionOp().setData().withVersion(0).forPath(\"/stock\", \"9\".getBytes(UTF_8))");
            CuratorOp stock = client.transactionOp().setData().withVersion(0).forPath("/stock", "9".getBytes(UTF_8));
            Show.result("nothing sent yet: a CuratorOp only describes an operation");
            Show.call("client.transaction().forOperations(order, stock)");
            List<CuratorTransactionResult> results = client.transaction().forOperations(order, stock);
            Show.result(describe(results));
            zk.ls("/crud");
            zk.get("/crud/stock");
            long created = client.checkExists().forPath("/order-1").getCzxid();
            long changed = client.checkExists().forPath("/stock").getMzxid();
            Show.note("One transaction, one zxid: the order's cZxid is the stock's mZxid ("
                    + (created == changed ? "equal" : "NOT equal") + "). No client ever sees one change without the other.");

            Show.step(2, "A stale version: nothing happens at all");
            Show.call("order = client.transactionOp().create().forPath(\"/order-2\", \"1 ticket\".getBytes(UTF_8))");
            order = client.transactionOp().create().forPath("/order-2", "1 ticket".getBytes(UTF_8));
            Show.call("stock = client.transactionOp().setData().withVersion(0).forPath(\"/stock\", \"9\".getBytes(UTF_8))");
            stock = client.transactionOp().setData().withVersion(0).forPath("/stock", "9".getBytes(UTF_8));
            Show.call("client.transaction().forOperations(order, stock)");
            try {
                client.transaction().forOperations(order, stock);
            } catch (KeeperException.BadVersionException e) {
                Show.failure(e, "the stock is at version 1, not 0: somebody sold a ticket since it was read");
                Show.note("e.getResults(), one per operation: " + describeErrors(e.getResults()));
            }
            zk.ls("/crud");
            Show.note("No /crud/order-2: the create would have worked alone, but it was part of a transaction that failed.");

            Show.step(3, "A condition that changes nothing: check()");
            Show.call("CuratorOp unchanged = client.transactionOp().check().withVersion(1).forPath(\"/stock\")");
            CuratorOp unchanged = client.transactionOp().check().withVersion(1).forPath("/stock");
            Show.call("client.transaction().forOperations(unchanged, order)");
            results = client.transaction().forOperations(unchanged, order);
            Show.result(describe(results));
            zk.ls("/crud");
            Show.note("The order was made only because /crud/stock was still at version 1. A lock holder can make its writes");
            Show.note("depend on its lock node the same way: chapter 05's fencing (to come) builds on it.");
        }
    }

    /** What each operation of a transaction that went through did. */
    private static String describe(List<CuratorTransactionResult> results) {
        List<String> done = new ArrayList<>();
        for (CuratorTransactionResult result : results) {
            String what = switch (result.getType()) {
                case CREATE -> "created " + result.getResultPath();
                case SET_DATA -> "dataVersion " + result.getResultStat().getVersion();
                default -> "ok";
            };
            done.add(result.getType() + " " + result.getForPath() + ": " + what);
        }
        return String.join(", ", done);
    }

    /** Each operation's result code in a transaction that failed: OK for one that would have worked alone. */
    private static String describeErrors(List<OpResult> results) {
        List<String> codes = new ArrayList<>();
        for (OpResult result : results) {
            codes.add(KeeperException.Code.get(((OpResult.ErrorResult) result).getErr()).name());
        }
        return String.join(", ", codes);
    }
}
