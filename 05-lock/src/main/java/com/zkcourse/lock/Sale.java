package com.zkcourse.lock;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The 12306 sale's znodes. The inventory lives in ZooKeeper, not in a field of one JVM as in the original
 * course, so sellers in different processes sell from the same tickets:
 *
 * <pre>
 * /lock/12306/tickets              "10": how many tickets are left
 * /lock/12306/sold/ticket-10-0000000000   "Ctrip token 0x1c": the ledger, one node per sale, never a guard
 * /lock/12306/mutex/_c_...-lock-0000000003 "Ctrip": the InterProcessMutex's lock nodes (the original's /lock)
 * </pre>
 */
final class Sale {

    static final String ROOT = "/lock/12306";
    static final String TICKETS = ROOT + "/tickets";
    static final String SOLD = ROOT + "/sold";
    static final String MUTEX = ROOT + "/mutex";
    static final int TICKETS_AT_START = 10;

    private Sale() {
    }

    /** A new sale: removes what an earlier one left under /lock/12306 and puts 10 tickets in the inventory. */
    static void open(CuratorFramework client) throws Exception {
        client.delete().quietly().deletingChildrenIfNeeded().forPath(ROOT);
        client.create().creatingParentsIfNeeded().forPath(TICKETS, text(TICKETS_AT_START));
        client.create().forPath(SOLD, new byte[0]);
    }

    /**
     * For a seller that shares the sale with other processes: opens one only if there is none yet (a create
     * that fails with NodeExists means another seller, or exec:java@reset, was first). Never starts it again.
     */
    static void openIfNone(CuratorFramework client) throws Exception {
        try {
            client.create().creatingParentsIfNeeded().forPath(TICKETS, text(TICKETS_AT_START));
        } catch (KeeperException.NodeExistsException alreadyOpen) {
            // the sale is on (or over): sell what is left
        }
        try {
            client.create().forPath(SOLD, new byte[0]);
        } catch (KeeperException.NodeExistsException alreadyThere) {
            // as above
        }
    }

    /** How many tickets are left; {@code stat} receives the inventory's Stat (its dataVersion for a fenced write). */
    static int left(CuratorFramework client, Stat stat) throws Exception {
        return Integer.parseInt(new String(client.getData().storingStatIn(stat).forPath(TICKETS), UTF_8));
    }

    /** The ledger node's name for a ticket: ticket-10-, ticket-09-... (the server appends the sequence number). */
    static String ledgerEntry(int ticket) {
        return String.format("%s/ticket-%02d-", SOLD, ticket);
    }

    static byte[] text(int number) {
        return String.valueOf(number).getBytes(UTF_8);
    }
}
