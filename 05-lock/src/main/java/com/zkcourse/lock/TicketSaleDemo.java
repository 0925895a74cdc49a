package com.zkcourse.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.curator.framework.CuratorFramework;

import com.zkcourse.tools.CourseMain;

/**
 * The original course's 12306 sale (Ticket12306 and LockTest), fixed: Ctrip and Fliggy (携程 and 飞猪) sell
 * the 10 tickets of /lock/12306/tickets under one InterProcessMutex, each on a thread of its own with a client
 * (a session) of its own, until the tickets are gone. Every sale is one fenced transaction (see
 * {@link Seller}); the ledger shows who sold which ticket, and that each was sold once.
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java@sale</pre>
 */
public final class TicketSaleDemo {

    static final List<String> SELLERS = List.of("Ctrip", "Fliggy");
    /** Printing a ticket takes 100 ms, with the lock held: the original's Thread.sleep(100). */
    static final long PRINT_MS = 100;

    private TicketSaleDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        try (CuratorFramework client = Clients.connect(connectString, Clients.SESSION_MS)) {
            Sale.open(client);
            System.out.println("A new sale: " + Sale.TICKETS + " = " + Sale.TICKETS_AT_START + ". Ctrip and Fliggy, each a"
                    + " thread with a session of its own, sell under the lock " + Sale.MUTEX + ":");
            sellTogether(connectString, SELLERS, Seller.Guard.LOCK_AND_FENCE, PRINT_MS, ticket -> { },
                    line -> System.out.println("  " + line));
            Ledger ledger = Ledger.read(client);
            ledger.summary(SELLERS).forEach(System.out::println);
            System.out.println(ledger.lockNodesLeft());
        }
    }

    /** Runs each seller on a thread and a client of its own until the tickets are sold out, and waits for all. */
    static void sellTogether(String connectString, List<String> sellers, Seller.Guard guard, long printMillis,
            Seller.BeforeWrite beforeWrite, Consumer<String> say) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(sellers.size());
        try {
            List<Future<?>> sales = new ArrayList<>();
            for (String name : sellers) {
                sales.add(threads.submit(() -> {
                    try (CuratorFramework client = Clients.connect(connectString, Clients.SELLER_SESSION_MS)) {
                        new Seller(name, client, guard, say)
                                .printing(printMillis)
                                .beforeWrite(beforeWrite)
                                .sellUntilSoldOut();
                    }
                    return null;
                }));
            }
            for (Future<?> sale : sales) {
                sale.get(2, TimeUnit.MINUTES); // a seller's failure surfaces here
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
