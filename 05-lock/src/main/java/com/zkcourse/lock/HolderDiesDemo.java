package com.zkcourse.lock;

import java.util.List;
import java.util.Locale;

import org.apache.curator.framework.CuratorFramework;

import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * A holder that dies: Ctrip's process takes the lock, its printer jams, and it is killed with kill -9 while it
 * holds the lock. It cannot say goodbye, so its session (and its lock node) lives on the server until the
 * session times out; then the server deletes the node, the next seller in line gets the lock, and the sale
 * goes on. Nothing Ctrip had not written is lost or sold twice.
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java@holder-dies</pre>
 */
public final class HolderDiesDemo {

    /** Ctrip's printer jams: printing ticket 10 would take ten minutes. */
    static final long JAMMED_MS = 600_000;

    private HolderDiesDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(HolderDiesDemo::run);
    }

    static void run(CourseServer server) throws Exception {
        try (CuratorFramework client = Clients.connect(server.connectString(), Clients.SESSION_MS);
             SellerProcesses sellers = server.closeOnExit(new SellerProcesses(server.connectString()))) {
            Sale.open(client);
            System.out.println("A new sale: " + Sale.TICKETS + " = " + Sale.TICKETS_AT_START + ", sold by seller processes"
                    + " (exec:java@seller) with sessions of " + Clients.SELLER_SESSION_MS / 1000 + " s");
            System.out.println("Ctrip starts; its printer jams (-Dprint.ms=" + JAMMED_MS + "): it takes the lock for"
                    + " ticket 10 and keeps it");
            sellers.start("Ctrip", JAMMED_MS);
            show(client, LockNodes.await(client, Sale.MUTEX, nodes -> nodes.size() == 1), "Ctrip holds the lock");
            System.out.println("Fliggy starts (-Dprint.ms=0) and queues behind Ctrip");
            sellers.start("Fliggy", 0);
            List<String> queued = LockNodes.await(client, Sale.MUTEX, nodes -> nodes.size() == 2);
            show(client, queued, "Fliggy waits for Ctrip's node to go");

            long pid = sellers.kill("Ctrip");
            long killedAt = System.nanoTime();
            System.out.println("kill -9 " + pid + " (Ctrip's process): it cannot close its session, so the server keeps it"
                    + " until it times out");
            show(client, LockNodes.sorted(client, Sale.MUTEX), "Ctrip's node outlives its process");
            String ctripsNode = queued.get(0);
            LockNodes.await(client, Sale.MUTEX, nodes -> !nodes.contains(ctripsNode));
            System.out.println(String.format(Locale.ROOT, "%.1f s after the kill the server ended Ctrip's session and"
                    + " deleted its lock node; Fliggy, next in line, takes the lock", (System.nanoTime() - killedAt) / 1e9));

            System.out.println("Once they have ended, what each process printed:");
            int ctrip = sellers.awaitAndPrint("Ctrip");
            int fliggy = sellers.awaitAndPrint("Fliggy");
            System.out.println("Exit codes: Ctrip " + ctrip + " (killed), Fliggy " + fliggy);
            Ledger ledger = Ledger.read(client);
            ledger.summary(TicketSaleDemo.SELLERS).forEach(System.out::println);
            System.out.println(ledger.lockNodesLeft());
        }
    }

    private static void show(CuratorFramework client, List<String> nodes, String what) throws Exception {
        LockNodes.print(client, Sale.MUTEX, nodes);
        System.out.println("  " + what);
    }
}
