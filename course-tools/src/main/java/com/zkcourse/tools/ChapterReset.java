package com.zkcourse.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;

/**
 * The main behind every chapter's {@code exec:java@reset}: puts the chapter's znodes back to their starting
 * state on the server the student uses (the connect rule, without starting an embedded server: one
 * starts empty, so there is nothing to reset). It deletes each root of the chapter's
 * {@code chapter-state.txt} with everything under it, then creates the fixtures again. Nothing outside
 * the chapter's roots is touched: not {@code /zookeeper}, not another chapter.
 */
public final class ChapterReset {

    private ChapterReset() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            fail("usage: ChapterReset <path of the chapter's chapter-state.txt>");
        }
        ChapterState state;
        Optional<CourseServer> server;
        try {
            state = ChapterState.read(Path.of(args[0]));
            server = CourseServer.findRunning(System.getProperty(CourseServer.CONNECT_PROPERTY), CourseServer.LOCAL_SERVER);
        } catch (IllegalArgumentException | NoServerException e) {
            fail(e.getMessage());
            return;
        }
        if (server.isEmpty()) {
            System.out.println("Reset of " + state.chapter() + ": no server state to reset. Nothing answers on "
                    + CourseServer.LOCAL_SERVER + " and -D" + CourseServer.CONNECT_PROPERTY
                    + " is not set; the embedded server a main starts is always empty.");
            return;
        }
        System.out.println(server.get().describe());
        try (CourseServer running = server.get();
                CuratorFramework client = CuratorFrameworkFactory.newClient(running.connectString(),
                        15_000, 5_000, new RetryNTimes(3, 500))) {
            client.start();
            for (String line : reset(client, state)) {
                System.out.println("  " + line);
            }
        }
        System.out.println("Reset of " + state.chapter() + " done: its znodes are back at the starting state.");
    }

    /** Deletes the chapter's roots and creates its fixtures; returns one line per thing done. */
    public static List<String> reset(CuratorFramework client, ChapterState state) throws Exception {
        List<String> done = new ArrayList<>();
        for (String root : state.roots()) {
            if (client.checkExists().forPath(root) == null) {
                done.add(root + " was not there");
                continue;
            }
            int below = countBelow(client, root);
            client.delete().deletingChildrenIfNeeded().forPath(root);
            done.add("deleted " + root + (below == 0 ? "" : " and the " + below + " znode" + (below == 1 ? "" : "s")
                    + " under it"));
        }
        for (ChapterState.Fixture fixture : state.fixtures()) {
            // No data means none at all (null), as zkCli's "create /path" stores. Curator's forPath(path)
            // without data would store this machine's IP address instead.
            byte[] data = fixture.data() == null ? null : fixture.data().getBytes(StandardCharsets.UTF_8);
            client.create().creatingParentsIfNeeded().forPath(fixture.path(), data);
            done.add("created " + fixture.path() + (fixture.data() == null ? "" : " = " + fixture.data()));
        }
        return done;
    }

    private static int countBelow(CuratorFramework client, String path) throws Exception {
        int count = 0;
        for (String child : client.getChildren().forPath(path)) {
            count += 1 + countBelow(client, path + "/" + child);
        }
        return count;
    }

    private static void fail(String message) {
        System.out.flush();
        System.err.println("reset: " + message);
        System.exit(2);
    }
}
