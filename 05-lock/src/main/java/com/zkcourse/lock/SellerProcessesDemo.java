package com.zkcourse.lock;

import org.apache.curator.framework.CuratorFramework;

import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * The sale in two OS processes, as two terminals run {@code exec:java@seller -Dseller=Ctrip} and
 * {@code -Dseller=Fliggy}: two JVMs that share nothing but the ZooKeeper server, and still sell each ticket
 * once. This demo starts both processes itself, on its own server, and prints what each printed.
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java@processes</pre>
 */
public final class SellerProcessesDemo {

    /** Printing a ticket takes 100 ms, so the two processes take turns at the lock. */
    static final long PRINT_MS = 100;

    private SellerProcessesDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(SellerProcessesDemo::run);
    }

    static void run(CourseServer server) throws Exception {
        try (CuratorFramework client = Clients.connect(server.connectString(), Clients.SESSION_MS);
             SellerProcesses sellers = server.closeOnExit(new SellerProcesses(server.connectString()))) {
            Sale.open(client);
            System.out.println("A new sale: " + Sale.TICKETS + " = " + Sale.TICKETS_AT_START + ", sold by two processes:"
                    + " exec:java@seller -Dseller=Ctrip and -Dseller=Fliggy (-Dprint.ms=" + PRINT_MS + ")");
            // The demo holds the lock until both processes queue for it: the lock is fair (first come, first
            // served), so both get a share, however fast each JVM starts.
            NamedMutex opening = new NamedMutex(client, Sale.MUTEX, "opening");
            opening.acquire();
            sellers.start("Ctrip", PRINT_MS);
            sellers.start("Fliggy", PRINT_MS);
            LockNodes.await(client, Sale.MUTEX, nodes -> nodes.size() == 3);
            opening.release();
            System.out.println("The demo held the lock until both had queued for it, then let go; once they have ended,"
                    + " what each printed:");
            int ctrip = sellers.awaitAndPrint("Ctrip");
            int fliggy = sellers.awaitAndPrint("Fliggy");
            System.out.println("Exit codes: Ctrip " + ctrip + ", Fliggy " + fliggy + ". " + Ledger.read(client).lockNodesLeft());
        }
    }
}
