package com.zkcourse.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

import com.zkcourse.lock.BenchRounds.Kind;
import com.zkcourse.tools.BenchSwitches;
import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * What the lock costs. Lock cycles (acquire, then release) per second for 1, 2 and 4 clients contending for
 * one InterProcessMutex, beside the floor a lock cycle cannot beat on the same server: the three calls it is
 * made of (create an ephemeral sequential node, getChildren, delete), made with ZooKeeper's own client. Then a
 * fenced sale against a plain one. Each round measures every kind once, in turn, so a machine that gets busier
 * slows them all alike; the medians over the rounds are printed, with each kind's median ratio to its baseline.
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java@bench   (-Dbench.rounds=10 -Dbench.millis=500)</pre>
 */
public final class LockBench {

    static final String PATH = "/lock/bench";

    private record Sizes(int rounds, int millis) {
    }

    private LockBench() {
    }

    public static void main(String[] args) {
        CourseMain.run(() -> new Sizes(BenchSwitches.positiveNumber("bench.rounds", 10), BenchSwitches.positiveNumber("bench.millis", 500)),
                LockBench::run);
    }

    private static void run(CourseServer server, Sizes sizes) throws Exception {
        List<CuratorFramework> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(Clients.connect(server.connectString(), Clients.SESSION_MS));
            }
            CuratorFramework first = clients.get(0);
            first.delete().quietly().deletingChildrenIfNeeded().forPath(PATH);
            first.create().creatingParentsIfNeeded().forPath(PATH + "/floor");
            ZooKeeper raw = first.getZookeeperClient().getZooKeeper(); // ZooKeeper's own client, no Curator in between
            Callable<?> floor = () -> {
                String node = raw.create(PATH + "/floor/lock-", null, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.EPHEMERAL_SEQUENTIAL);
                raw.getChildren(PATH + "/floor", false);
                raw.delete(node, -1);
                return null;
            };
            Sale.open(first);
            first.setData().forPath(Sale.TICKETS, Sale.text(Integer.MAX_VALUE)); // a sale that never runs out here
            Seller plain = new Seller("Plain", clients.get(1), Seller.Guard.LOCK, line -> { });
            Seller fenced = new Seller("Fenced", clients.get(2), Seller.Guard.LOCK_AND_FENCE, line -> { });
            List<Kind> locks = List.of(new Kind("floor: create + getChildren + delete, raw client", List.of(floor)),
                    new Kind("InterProcessMutex, 1 client", mutexes(clients, 1)),
                    new Kind("InterProcessMutex, 2 clients contending", mutexes(clients, 2)),
                    new Kind("InterProcessMutex, 4 clients contending", mutexes(clients, 4)));
            List<Kind> sales = List.of(new Kind("plain sale: lock, read, setData, create", List.of(plain::sellOne)),
                    new Kind("fenced sale: lock, read, one transaction", List.of(fenced::sellOne)));

            BenchRounds.measure(List.of(floor, plain::sellOne, fenced::sellOne), sizes.millis()); // warm-up: JIT, caches
            Map<Kind, double[]> perSecond = BenchRounds.run(Stream.concat(locks.stream(), sales.stream()).toList(),
                    sizes.rounds(), sizes.millis());
            System.out.println("Median of " + sizes.rounds() + " rounds of " + sizes.millis() + " ms each; fsync on"
                    + " (ZooKeeper's default): cycles per second, and the median of each round's ratio");
            BenchRounds.table("lock cycles: acquire + release", "cycles/s", "/ floor", locks, perSecond);
            BenchRounds.table("ticket sales, one seller", "sales/s", "/ plain", sales, perSecond);
            first.delete().deletingChildrenIfNeeded().forPath(PATH);
            Sale.open(first);
        } finally {
            clients.forEach(CuratorFramework::close);
        }
    }

    /** One InterProcessMutex cycle per client, each client its own session. */
    private static List<Callable<?>> mutexes(List<CuratorFramework> clients, int count) {
        List<Callable<?>> cycles = new ArrayList<>();
        for (CuratorFramework client : clients.subList(0, count)) {
            NamedMutex mutex = new NamedMutex(client, PATH + "/mutex", "bench");
            cycles.add(() -> {
                mutex.acquire();
                mutex.release();
                return null;
            });
        }
        return cycles;
    }
}
