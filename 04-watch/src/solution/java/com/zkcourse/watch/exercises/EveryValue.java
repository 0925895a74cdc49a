package com.zkcourse.watch.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/**
 * Exercise 3: see every value with one-shot watches, the classic way.
 *
 * <p>A one-shot watch fires once. To follow a node's data, the watcher must set the next watch itself, and it
 * must read the data in the same call, so that no change falls between the event and the new watch. Record
 * the data the node has now, then every new value, in {@link #values()}: with {@code getData()} and a watcher
 * that, when its event comes, reads again with itself as the watcher.
 *
 * <p>(Since ZooKeeper 3.6 a persistent watch saves the re-registering, and the caches do all of it; this is
 * what they do underneath. The chapter's one-shot watch demo shows one round.) Check your answer with
 * {@code ./mvnw -q -pl 04-watch -am compile exec:java@check}.
 */
public final class EveryValue {

    private final List<String> values = new CopyOnWriteArrayList<>();

    /** The values read so far, oldest first. */
    public List<String> values() {
        return List.copyOf(values);
    }

    public static EveryValue follow(CuratorFramework client, String path) throws Exception {
        EveryValue follower = new EveryValue();
        // SOLUTION BEGIN: a Watcher that, on NodeDataChanged, calls client.getData().usingWatcher(this).forPath(path) and records the data; read once the same way to begin
        Watcher watcher = new Watcher() {
            @Override
            public void process(WatchedEvent event) {
                if (event.getType() == Event.EventType.NodeDataChanged) {
                    try {
                        follower.values.add(new String(client.getData().usingWatcher(this).forPath(path), UTF_8));
                    } catch (Exception e) {
                        follower.values.add("(could not read: " + e + ")");
                    }
                }
            }
        };
        follower.values.add(new String(client.getData().usingWatcher(watcher).forPath(path), UTF_8));
        return follower;
        // SOLUTION END
    }
}
