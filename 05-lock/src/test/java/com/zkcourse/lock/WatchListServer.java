package com.zkcourse.lock;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.zkcourse.tools.EmbeddedZooKeeper;

/**
 * A ZooKeeper server in a JVM of its own that answers {@code wchp} (the server's watches, by path). ZooKeeper
 * reads its whitelist of four-letter words once per JVM, and the tests' JVM runs many servers without wchp.
 * Prints its connect string, then serves until it is stopped (SIGTERM), which stops the server and deletes
 * its data.
 */
final class WatchListServer {

    private WatchListServer() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedZooKeeper server = EmbeddedZooKeeper.start(Map.of("4lw.commands.whitelist", "srvr,wchp"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println(server.connectString());
        new CountDownLatch(1).await();
    }
}
