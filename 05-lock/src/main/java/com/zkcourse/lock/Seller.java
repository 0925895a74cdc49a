package com.zkcourse.lock;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.data.Stat;

/**
 * One ticket seller: the original course's Ticket12306, with its bugs fixed. The tickets live in ZooKeeper
 * (not in a field), the seller stops when they are sold out (not never), it releases the lock only when
 * acquire returned true, and it minds its session: a seller whose connection is SUSPENDED does not sell
 * until it is back, and one whose session was LOST gives up the sale in hand.
 *
 * <p>How the inventory is protected is the {@link Guard}: nothing, the lock, or the lock plus a fence.
 */
final class Seller {

    enum Guard {
        /** No lock: read the inventory, then write it. Two sellers can read the same count. */
        NONE,
        /** The lock, then two plain writes: setData (the inventory), create (the ledger entry). */
        LOCK,
        /** The lock, then one transaction that only applies while this seller's lock node still exists. */
        LOCK_AND_FENCE
    }

    /** Called just before a sale's write: where a demo or a test makes a seller wait (a pause, a barrier). */
    interface BeforeWrite {
        void at(int ticket) throws Exception;
    }

    /** How long a seller waits for the lock before it says so and tries again. */
    static final int ACQUIRE_SECONDS = 10;

    private final String name;
    private final CuratorFramework client;
    private final Guard guard;
    private final Consumer<String> say;
    private final NamedMutex lock;
    private final SessionWatch session;
    private long printMillis;
    private BeforeWrite beforeWrite = ticket -> { };

    Seller(String name, CuratorFramework client, Guard guard, Consumer<String> say) {
        this.name = name;
        this.client = client;
        this.guard = guard;
        this.say = say;
        this.lock = new NamedMutex(client, Sale.MUTEX, name); // the original's new InterProcessMutex(client, "/lock")
        this.session = SessionWatch.on(client, name, say);
    }

    /** Printing a ticket takes this long, with the lock held (the original's Thread.sleep(100)). */
    Seller printing(long millis) {
        this.printMillis = millis;
        return this;
    }

    Seller beforeWrite(BeforeWrite hook) {
        this.beforeWrite = hook;
        return this;
    }

    /** What this seller knows about its connection. */
    SessionWatch session() {
        return session;
    }

    /** Sells until the tickets are gone: the sale ends by itself. */
    void sellUntilSoldOut() throws Exception {
        while (sellOne()) {
            // the next ticket
        }
    }

    /** Sells one ticket; false when there are none left. */
    boolean sellOne() throws Exception {
        int sessions = session.awaitConnected(); // SUSPENDED: no selling until RECONNECTED
        if (guard == Guard.NONE) {
            return sell(sessions);
        }
        if (!lock.acquire(ACQUIRE_SECONDS, TimeUnit.SECONDS)) {
            // Not acquired, so nothing to release: the original called release() here, which throws.
            say(" no lock within " + ACQUIRE_SECONDS + " s: no sale, and nothing to release");
            return true;
        }
        try {
            return sell(sessions);
        } finally {
            lock.release(); // deletes our lock node; quiet when the session already took it
        }
    }

    private boolean sell(int sessions) throws Exception {
        Stat inventory = new Stat();
        int ticket = Sale.left(client, inventory); // the tickets are numbered down: 10 is sold first
        if (ticket == 0) {
            say(" sold out: " + Sale.TICKETS + " = 0");
            return false;
        }
        long token = 0;
        if (guard != Guard.NONE) {
            // The fencing token: the zxid that created our lock node. Each new lock node gets a higher one.
            Stat ours = client.checkExists().forPath(lock.lockNode());
            if (ours == null) {
                return gaveUp(ticket);
            }
            token = ours.getCzxid();
        }
        if (printMillis >= 1_000) { // a slow printer says so: the lock is held all the while
            say(" printing ticket " + ticket + " takes " + printMillis / 1_000 + " s, with the lock held");
        }
        // Print the ticket; LOST meanwhile means the lock node went with the session: someone else may be selling.
        if (session.lostWithin(sessions, printMillis) || session.awaitConnected() != sessions) {
            return gaveUp(ticket);
        }
        beforeWrite.at(ticket);
        String entry = name + (token == 0 ? "" : " token 0x" + Long.toHexString(token));
        try {
            write(ticket, inventory.getVersion(), entry);
        } catch (KeeperException e) {
            say(" ticket " + ticket + " rejected: " + whyRejected(e, inventory.getVersion()));
            return true;
        }
        say(" sold ticket " + ticket + (token == 0 ? "" : "   (fencing token 0x" + Long.toHexString(token) + ")"));
        return true;
    }

    private boolean gaveUp(int ticket) {
        say(" gave up ticket " + ticket + ": its session was lost during the sale");
        return true;
    }

    private void write(int ticket, int version, String entry) throws Exception {
        byte[] left = Sale.text(ticket - 1);
        if (guard != Guard.LOCK_AND_FENCE) {
            client.setData().forPath(Sale.TICKETS, left); // whatever the inventory holds now
            client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath(Sale.ledgerEntry(ticket), entry.getBytes(UTF_8));
            return;
        }
        // All three or none, decided by the server in one step: no pause can come between the check and the write.
        client.transaction().forOperations(
                client.transactionOp().check().forPath(lock.lockNode()), // our lock node still exists: we hold the lock
                client.transactionOp().setData().withVersion(version).forPath(Sale.TICKETS, left), // nobody wrote since we read
                client.transactionOp().create().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                        .forPath(Sale.ledgerEntry(ticket), entry.getBytes(UTF_8)));
    }

    /** The first operation of the transaction that failed, and why (the others show RUNTIMEINCONSISTENCY). */
    private static String whyRejected(KeeperException e, int version) {
        String[] operations = {"the check of its lock node", "setData at version " + version, "the ledger entry"};
        if (e.getResults() != null) {
            for (int i = 0; i < e.getResults().size(); i++) {
                if (e.getResults().get(i) instanceof OpResult.ErrorResult error && error.getErr() != 0
                        && error.getErr() != KeeperException.Code.RUNTIMEINCONSISTENCY.intValue()) {
                    return KeeperException.Code.get(error.getErr()) + " on " + operations[i] + ", so nothing was written";
                }
            }
        }
        return e.code().toString();
    }

    /** One line of this seller's, after its name. */
    private void say(String what) {
        say.accept(padded(name) + what);
    }

    /** A seller's name, padded so that the sale's lines line up: "Ctrip " and "Fliggy". */
    static String padded(String seller) {
        return String.format("%-6s", seller);
    }
}
