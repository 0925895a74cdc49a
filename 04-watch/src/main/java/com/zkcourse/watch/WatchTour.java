package com.zkcourse.watch;

import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * The chapter in order, on one server: raw watches first (what everything else is built on), then the
 * course's three caches, then CuratorCache; then what a disconnect and a lost session do to watches (the
 * disconnect on servers of its own, which it stops and starts).
 *
 * <pre>./mvnw -q -pl 04-watch -am compile exec:java</pre>
 */
public final class WatchTour {

    private WatchTour() {
    }

    /** A demo's run method: its changes and events on the given server, listening afterwards if asked. */
    private interface Demo {
        void run(CourseServer server, boolean listen) throws Exception;
    }

    public static void main(String[] args) {
        CourseMain.run(ListenMode::requested, (server, listen) -> {
            if (listen) {
                System.out.println("(-Dlisten=true keeps one demo listening: run it alone, for example"
                        + " exec:java@node-cache -Dlisten=true. The tour runs every demo to its end.)");
            }
            part("watch-once", "one-shot watches", OneShotWatchDemo::run, server);
            part("watch-persistent", "persistent watches", PersistentWatchDemo::run, server);
            part("node-cache", "NodeCache", NodeCacheDemo::run, server);
            part("path-children-cache", "PathChildrenCache", PathChildrenCacheDemo::run, server);
            part("tree-cache", "TreeCache", TreeCacheDemo::run, server);
            part("curator-cache", "CuratorCache", CuratorCacheDemo::run, server);
            part("watch-reconnect", "watches across a disconnect", (ignored, noListen) -> WatchReconnectDemo.run(), server);
            part("session-expiry", "session expiry", (chosen, noListen) -> SessionExpiryDemo.run(chosen.connectString()),
                    server);
        });
    }

    private static void part(String executionId, String title, Demo demo, CourseServer server) throws Exception {
        System.out.println();
        System.out.println("=== " + title + "   (alone: exec:java@" + executionId + ") ===");
        demo.run(server, false);
    }
}
