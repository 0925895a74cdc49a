package com.zkcourse.crud;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

import com.zkcourse.tools.CourseMain;

/**
 * Topic 3: reading znodes (the original course's testGet1, testGet2, testGet3): the data, the children, the
 * Stat; then who may read it (the ACL), a read that must be current (sync), and what fails.
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java@get</pre>
 */
public final class GetDemo {

    private GetDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        Show.title("get: client.getData(), client.getChildren(), storingStatIn(stat)");
        try (ZkCliView zk = ZkCliView.open(connectString);
             CuratorFramework client = ConnectDemo.connect(connectString, "crud")) {
            Leftovers.clear(client);
            client.create().forPath("/app1", "itheima".getBytes(UTF_8));
            client.create().forPath("/app2", "hehe".getBytes(UTF_8));
            client.create().creatingParentsIfNeeded().forPath("/app4/p1", "child".getBytes(UTF_8));
            Show.line("setup: created /crud/app1 = itheima, /crud/app2 = hehe, /crud/app4/p1 = child");

            Show.step(1, "The data (the original course's testGet1)");
            Show.call("client.getData().forPath(\"/app1\")");
            byte[] data = client.getData().forPath("/app1");
            Show.result("byte[" + data.length + "], new String(data, UTF_8) = " + Show.quoted(new String(data, UTF_8)));
            zk.get("/crud/app1");

            Show.step(2, "The children (the original course's testGet2)");
            Show.call("client.getChildren().forPath(\"/\")");
            List<String> children = new ArrayList<>(client.getChildren().forPath("/"));
            Collections.sort(children); // the server returns them in no particular order; zkCli sorts them too
            Show.result(children + " (sorted): \"/\" is the namespace's node, /crud; names only, not paths");
            zk.ls("/crud");

            Show.step(3, "The Stat, a node's metadata (the original course's testGet3)");
            Stat stat = new Stat();
            Show.call("Stat stat = new Stat()");
            Show.result(stat.toString().strip()
                    + ": every field 0 until a call fills it in (the original course printed it too)");
            Show.call("client.getData().storingStatIn(stat).forPath(\"/app1\")");
            data = client.getData().storingStatIn(stat).forPath("/app1");
            Show.result(Show.quoted(new String(data, UTF_8)) + ", and stat now holds what zkCli's get -s shows:");
            StatLines.of(stat).forEach(Show::note);
            Show.note("dataLength " + stat.getDataLength() + " = the bytes of \"itheima\"; dataVersion " + stat.getVersion()
                    + ": its data has not been set since it was created (ctime = mtime)");
            zk.lsWithStat("/crud/app4"); // the children, and the Stat of the node that holds them

            Show.step(4, "Who may do what: the ACL (zkCli's getAcl)");
            Show.call("client.getACL().forPath(\"/app1\")");
            List<ACL> acl = client.getACL().forPath("/app1");
            Show.result("the same as ZooDefs.Ids.OPEN_ACL_UNSAFE: " + acl.equals(ZooDefs.Ids.OPEN_ACL_UNSAFE)
                    + ". create() sends that ACL unless told otherwise (withACL)");
            zk.getAcl("/crud/app1");
            Show.note("world:anyone, that is everybody, may c(reate children), d(elete children), r(ead data and children),");
            Show.note("w(rite data) and a(dminister: set the ACL). Whoever reaches the server's port may do all of it.");

            Show.step(5, "A read that must be current: sync() first");
            BlockingQueue<CuratorEvent> synced = new LinkedBlockingQueue<>();
            Show.call("client.sync().inBackground((c, event) -> synced.add(event)).forPath(\"/app1\")");
            client.sync().inBackground((c, event) -> synced.add(event)).forPath("/app1");
            CuratorEvent event = synced.poll(10, TimeUnit.SECONDS); // Curator's sync() always runs in the background
            Show.result(event == null ? "no answer within 10 s" : event.getType() + ", resultCode " + event.getResultCode()
                    + ": the server this client reads from has caught up with the leader");
            Show.call("client.getData().forPath(\"/app1\")");
            data = client.getData().forPath("/app1");
            Show.result(Show.quoted(new String(data, UTF_8)) + ": a read after the sync sees every write made before it");

            Show.step(6, "What fails");
            Show.call("client.getData().forPath(\"/app9\")");
            try {
                client.getData().forPath("/app9");
            } catch (KeeperException.NoNodeException e) {
                Show.failure(e, "there is no such node; reading never creates one");
            }
            Show.call("client.checkExists().forPath(\"/app9\")");
            Stat missing = client.checkExists().forPath("/app9");
            Show.result(missing + ": checkExists() answers with null instead of an exception");
        }
    }
}
