package com.zkcourse.tools;

import java.nio.charset.StandardCharsets;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;

/** A main that listens until Ctrl-C, as the watch chapter's -Dlisten=true demos do. */
public class ListenUntilCtrlC {

    public static void main(String[] args) throws Exception {
        try (CourseServer server = CourseServer.choose();
                CuratorFramework client = CuratorFrameworkFactory.newClient(server.connectString(), new RetryOneTime(100))) {
            client.start();
            client.create().withMode(CreateMode.EPHEMERAL).forPath("/listening", bytes("here"));
            System.out.println("listening");
            server.awaitCtrlC();
            System.out.println("Ctrl-C: closing the client");
            // The server must still serve while the main closes: the shutdown hook waits for close().
            client.setData().forPath("/listening", bytes("after Ctrl-C"));
            System.out.println("the server still answered after Ctrl-C");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
