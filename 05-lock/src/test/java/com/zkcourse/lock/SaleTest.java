package com.zkcourse.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.LoopbackServer;

/**
 * The sale in threads, each seller with a client of its own: with the lock every ticket is sold exactly once
 * and the sale ends by itself; without it, a barrier after the reads (not luck) makes two sellers sell the
 * same ticket.
 */
class SaleTest {

    @RegisterExtension
    static final LoopbackServer zk = new LoopbackServer();
    private static CuratorFramework client;

    @BeforeAll
    static void connect() throws Exception {
        client = zk.closeAfterAll(Clients.connect(zk.connectString(), Clients.SESSION_MS));
    }

    /** A new sale with {@code tickets} tickets (the demos always start with 10). */
    private static void open(int tickets) throws Exception {
        Sale.open(client);
        client.setData().forPath(Sale.TICKETS, Sale.text(tickets));
    }

    @Test
    void fourSellersWithTheLockSellEachOfFortyTicketsExactlyOnceAndStopByThemselves() throws Exception {
        open(40);
        List<String> sellers = List.of("Ctrip", "Fliggy", "Qunar", "Meituan");
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        TicketSaleDemo.sellTogether(zk.connectString(), sellers, Seller.Guard.LOCK_AND_FENCE, 0, ticket -> { }, lines::add);

        Ledger ledger = Ledger.read(client);
        assertEquals(0, ledger.left());
        assertEquals(everyTicketOnce(40), ledger.timesSold(), "every ticket from 1 to 40 exactly once");
        assertEquals(40, sellers.stream().mapToInt(seller -> ledger.soldBy(seller).size()).sum());
        assertEquals(List.of(), ledger.lockNodes(), "no lock node left after the sale");
        for (String seller : sellers) {
            assertEquals(1, lines.stream().filter(line -> line.equals(Seller.padded(seller) + " sold out: "
                    + Sale.TICKETS + " = 0")).count(), seller + " stopped once, at the end: " + lines);
        }
        assertEquals(40, lines.stream().filter(line -> line.matches("\\w+ +sold ticket \\d+   \\(fencing token 0x\\p{XDigit}+\\)")).count());
        assertEquals(44, lines.size(), "40 sales and 4 sold-out lines, nothing else: " + lines);
    }

    @Test
    void eachSaleHasAHigherFencingTokenThanTheOneBefore() throws Exception {
        open(10);
        TicketSaleDemo.sellTogether(zk.connectString(), List.of("Ctrip", "Fliggy"), Seller.Guard.LOCK_AND_FENCE, 0,
                ticket -> { }, line -> { });
        List<Long> tokens = new ArrayList<>();
        for (Ledger.Entry sale : Ledger.read(client).sales()) {
            String data = new String(client.getData().forPath(Sale.SOLD + "/" + sale.node()));
            tokens.add(Long.decode(data.substring(data.indexOf("token ") + "token ".length())));
        }
        assertEquals(10, tokens.size());
        assertEquals(tokens.stream().sorted().distinct().toList(), tokens, "strictly growing, in the order of the sales");
    }

    @Test
    void withoutTheLockTwoSellersThatBothReadBeforeEitherWritesSellTheSameTicket() throws Exception {
        open(3);
        // Each seller waits after its read until the other has read too: the interleaving that makes the race.
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        TicketSaleDemo.sellTogether(zk.connectString(), List.of("Ctrip", "Fliggy"), Seller.Guard.NONE, 0,
                ticket -> bothHaveRead.await(10, TimeUnit.SECONDS), line -> { });

        Ledger ledger = Ledger.read(client);
        assertEquals(Map.of(1, 2L, 2, 2L, 3, 2L), ledger.timesSold(), "every ticket sold twice");
        assertEquals(List.of(3, 2, 1), ledger.soldBy("Ctrip"));
        assertEquals(List.of(3, 2, 1), ledger.soldBy("Fliggy"));
        assertEquals(0, ledger.left(), "the inventory says 3 were sold; the ledger has 6 sales");
    }

    @Test
    void withTheLockTheSameBarrierCannotBeReachedByBothSellers() throws Exception {
        open(3);
        // The barrier of the unsafe test, with the lock on: the second seller cannot read while the first holds
        // the lock, so the two never stand at the barrier together and it times out.
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        ConcurrentLinkedQueue<String> timeouts = new ConcurrentLinkedQueue<>();
        TicketSaleDemo.sellTogether(zk.connectString(), List.of("Ctrip", "Fliggy"), Seller.Guard.LOCK_AND_FENCE, 0,
                ticket -> {
                    try {
                        bothHaveRead.await(500, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | BrokenBarrierException e) {
                        timeouts.add("ticket " + ticket);
                        bothHaveRead.reset();
                    }
                }, line -> { });
        assertEquals(3, timeouts.size(), "no sale ever had both sellers at the barrier: " + timeouts);
        assertEquals(everyTicketOnce(3), Ledger.read(client).timesSold());
    }

    private static Map<Integer, Long> everyTicketOnce(int tickets) {
        Map<Integer, Long> once = new TreeMap<>();
        IntStream.rangeClosed(1, tickets).forEach(ticket -> once.put(ticket, 1L));
        return once;
    }

    @Test
    void theSaleEndsAtOnceWhenNoTicketIsLeft() throws Exception {
        open(0);
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        TicketSaleDemo.sellTogether(zk.connectString(), List.of("Ctrip"), Seller.Guard.LOCK_AND_FENCE, 0, ticket -> { },
                lines::add);
        assertEquals(List.of("Ctrip  sold out: /lock/12306/tickets = 0"), List.copyOf(lines));
        assertTrue(Ledger.read(client).sales().isEmpty());
    }
}
