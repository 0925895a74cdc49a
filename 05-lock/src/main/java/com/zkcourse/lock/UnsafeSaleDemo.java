package com.zkcourse.lock;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.curator.framework.CuratorFramework;

import com.zkcourse.tools.CourseMain;

/**
 * The same sale with the lock switched off. Each seller reads the inventory, then writes it back one less:
 * nothing stops both from reading the same count, and then both sell the same ticket. Real timing does that
 * now and then; this demo lines the two sellers up after every read (a barrier), so the race happens on
 * every ticket, in every run.
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java@unsafe</pre>
 */
public final class UnsafeSaleDemo {

    private UnsafeSaleDemo() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> run(server.connectString()));
    }

    static void run(String connectString) throws Exception {
        try (CuratorFramework client = Clients.connect(connectString, Clients.SESSION_MS)) {
            Sale.open(client);
            System.out.println("A new sale: " + Sale.TICKETS + " = " + Sale.TICKETS_AT_START + ". Ctrip and Fliggy sell"
                    + " without the lock: each reads the count, then writes it back one less.");
            System.out.println("Both wait after each read until the other has read too (a CyclicBarrier): the worst"
                    + " timing, every time.");
            AtomicInteger ticket = new AtomicInteger();
            // The barrier's action runs once both sellers have read, before either writes.
            CyclicBarrier bothHaveRead = new CyclicBarrier(2, () -> System.out.println("  Ctrip and Fliggy both read "
                    + ticket.get() + " left: both sell ticket " + ticket.get() + " and write " + (ticket.get() - 1)));
            // The sellers' own lines are left out: with both writing at once, their order changes from run to run.
            TicketSaleDemo.sellTogether(connectString, TicketSaleDemo.SELLERS, Seller.Guard.NONE, 0, read -> {
                ticket.set(read);
                bothHaveRead.await(10, TimeUnit.SECONDS);
            }, line -> { });
            Ledger.read(client).summary(TicketSaleDemo.SELLERS).forEach(System.out::println);
        }
    }
}
