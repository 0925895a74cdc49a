package com.zkcourse.lock;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The sale as ZooKeeper has it, read back after the sellers are done: the inventory, the ledger under
 * /lock/12306/sold (one node per sale: which ticket, who sold it) and the lock nodes left.
 */
record Ledger(int left, List<Entry> sales, List<String> lockNodes) {

    /** One sale: ledger node ticket-10-0000000003 = "Ctrip token 0x1c". */
    record Entry(int ticket, String seller, String node) {
    }

    static Ledger read(CuratorFramework client) throws Exception {
        List<Entry> sales = new ArrayList<>();
        for (String node : client.getChildren().forPath(Sale.SOLD)) {
            String data = new String(client.getData().forPath(Sale.SOLD + "/" + node), UTF_8);
            sales.add(new Entry(Integer.parseInt(node.split("-")[1]), data.split(" ")[0], node));
        }
        sales.sort(Comparator.comparing(sale -> sale.node().substring(sale.node().lastIndexOf('-')))); // in sale order
        int left = Sale.left(client, new Stat());
        List<String> lockNodes;
        try {
            lockNodes = client.getChildren().forPath(Sale.MUTEX);
        } catch (KeeperException.NoNodeException neverLocked) {
            lockNodes = List.of();
        }
        return new Ledger(left, List.copyOf(sales), List.copyOf(lockNodes));
    }

    /** Ticket number -> how many times it was sold. */
    Map<Integer, Long> timesSold() {
        return sales.stream().collect(Collectors.groupingBy(Entry::ticket, TreeMap::new, Collectors.counting()));
    }

    /** True when no ticket was sold twice and the inventory agrees with the ledger. */
    boolean exact() {
        return timesSold().values().stream().allMatch(times -> times == 1)
                && sales.size() == Sale.TICKETS_AT_START - left;
    }

    /** The tickets a seller sold, in the order sold. */
    List<Integer> soldBy(String seller) {
        return sales.stream().filter(sale -> sale.seller().equals(seller)).map(Entry::ticket).toList();
    }

    /** What the demos print: one line per seller, then whether every ticket was sold once. */
    List<String> summary(List<String> sellers) {
        int start = Sale.TICKETS_AT_START;
        List<String> lines = new ArrayList<>();
        lines.add("Read back from ZooKeeper: " + Sale.TICKETS + " = " + left + ", "
                + Sale.SOLD + " holds " + count(sales.size(), "sale"));
        for (String seller : sellers) {
            List<Integer> tickets = soldBy(seller);
            lines.add("  " + Seller.padded(seller) + " sold " + tickets.size() + (tickets.isEmpty() ? ""
                    : (tickets.size() == 1 ? ": ticket " : ": tickets ") + numbers(tickets)));
        }
        Map<Long, List<Integer>> byTimes = new TreeMap<>();
        timesSold().forEach((ticket, times) -> byTimes.computeIfAbsent(times, t -> new ArrayList<>()).add(0, ticket));
        byTimes.forEach((times, tickets) -> {
            if (times > 1) {
                lines.add("  sold " + times + " times: " + (tickets.size() == 1 ? "ticket " : "tickets ") + numbers(tickets));
            }
        });
        String count = start + " at the start - " + left + " left = " + (start - left);
        lines.add(exact() ? "  no ticket sold twice, and the count agrees: " + count
                : "  the count is wrong: " + count + ", but " + count(sales.size(), "sale"));
        return lines;
    }

    /** Whether the sellers left lock nodes behind: after a sale, none. */
    String lockNodesLeft() {
        return "Lock nodes left under " + Sale.MUTEX + ": " + lockNodes;
    }

    private static String numbers(List<Integer> tickets) {
        return tickets.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
