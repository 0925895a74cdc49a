package com.zkcourse.lock;

import org.apache.curator.framework.CuratorFramework;

import com.zkcourse.tools.CourseFailure;
import com.zkcourse.tools.CourseMain;

/**
 * One seller in a process of its own. Run it in two terminals, against the same running server (chapter
 * 01's), and the two processes share one sale:
 *
 * <pre>
 * ./mvnw -q -pl 05-lock -am compile exec:java@seller -Dseller=Ctrip
 * ./mvnw -q -pl 05-lock -am compile exec:java@seller -Dseller=Fliggy
 * </pre>
 *
 * The first one opens the sale if there is none (10 tickets); each then sells under the lock until the
 * tickets are gone. Printing a ticket takes {@code -Dprint.ms} (1000 by default, so that there is time to
 * start the second terminal). After the sale, {@code exec:java@reset} opens a new one.
 */
public final class SellerMain {

    static final String SELLER_PROPERTY = "seller";
    static final String PRINT_PROPERTY = "print.ms";

    private SellerMain() {
    }

    public static void main(String[] args) {
        String seller;
        long printMillis;
        try { // the switches first: a bad one stops the seller before it looks for a server
            seller = seller();
            printMillis = printMillis();
        } catch (CourseFailure badSwitch) {
            CourseMain.fail(SellerMain.class, badSwitch.getMessage());
            return;
        }
        // Never an embedded server: it would be this process's alone, and the other terminal would not see it.
        CourseMain.runOnRunningServer("the sellers of two terminals must share one", server -> {
            try (CuratorFramework client = Clients.connect(server.connectString(), Clients.SELLER_SESSION_MS)) {
                server.closeOnExit(client); // Ctrl-C closes the session: its lock node goes at once, not after 5 s
                Sale.openIfNone(client);
                System.out.println(seller + " sells from " + Sale.TICKETS + " under the lock " + Sale.MUTEX + ", session 0x"
                        + Long.toHexString(client.getZookeeperClient().getZooKeeper().getSessionId()));
                new Seller(seller, client, Seller.Guard.LOCK_AND_FENCE, System.out::println)
                        .printing(printMillis)
                        .sellUntilSoldOut();
                Ledger ledger = Ledger.read(client);
                ledger.summary(ledger.sales().stream().map(Ledger.Entry::seller).distinct().sorted().toList())
                        .forEach(System.out::println);
                System.out.println("(exec:java@reset opens a new sale)");
            }
        });
    }

    /** -Dseller: a name of letters and digits, as the ledger records it. */
    static String seller() {
        String name = System.getProperty(SELLER_PROPERTY);
        if (name == null || !name.trim().matches("[A-Za-z][A-Za-z0-9]{0,11}")) {
            throw new CourseFailure((name == null ? "which seller? " : "-D" + SELLER_PROPERTY + "=" + name + ": ")
                    + "name it with up to 12 letters and digits, for example -D" + SELLER_PROPERTY + "=Ctrip (and -D"
                    + SELLER_PROPERTY + "=Fliggy in the other terminal)");
        }
        return name.trim();
    }

    /** -Dprint.ms: how long printing a ticket takes, with the lock held. */
    static long printMillis() {
        String value = System.getProperty(PRINT_PROPERTY, "1000").trim();
        try {
            long millis = Long.parseLong(value);
            if (millis >= 0) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CourseFailure("-D" + PRINT_PROPERTY + "=" + value + " is not a number of milliseconds (for example -D"
                + PRINT_PROPERTY + "=1000)");
    }
}
