package com.zkcourse.tools;

import java.util.concurrent.CountDownLatch;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;

/** A main blocked where Ctrl-C cannot reach it (as one reading a piped keyboard), relying on closeOnExit. */
public class BlockedUntilKilled {

    public static void main(String[] args) throws Exception {
        try (CourseServer server = CourseServer.choose()) {
            CuratorFramework client = server.closeOnExit(
                    CuratorFrameworkFactory.newClient(server.connectString(), new RetryOneTime(100)));
            client.start();
            client.create().withMode(CreateMode.EPHEMERAL).forPath("/blocked");
            System.out.println("blocked");
            new CountDownLatch(1).await(); // stands for a read that never returns
        }
    }
}
