package com.zkcourse.crud.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Exercise 3: an update that never loses another client's update.
 *
 * <p>Append {@code suffix} to the text in the node {@code path}: read it, add the suffix, write it back. Other
 * clients append to the same node at the same time, so write back only if nobody wrote since you read (the
 * version you read); when somebody did, read again and try again. Return how many tries it took (1 when nobody
 * got in between).
 *
 * <p>The chapter's set demo shows a versioned write and what a stale version gives ({@code SetDemo}). Check
 * your answer with {@code ./mvnw -q -pl 03-curator-crud -am compile exec:java@check}.
 */
public final class VersionedAppend {

    private VersionedAppend() {
    }

    public static int append(CuratorFramework client, String path, String suffix) throws Exception {
        // SOLUTION BEGIN: loop: getData().storingStatIn(stat), then setData().withVersion(stat.getVersion()); on BadVersionException read again
        for (int tries = 1; ; tries++) {
            Stat stat = new Stat();
            String current = new String(client.getData().storingStatIn(stat).forPath(path), UTF_8);
            try {
                client.setData().withVersion(stat.getVersion()).forPath(path, (current + suffix).getBytes(UTF_8));
                return tries;
            } catch (KeeperException.BadVersionException somebodyWroteInBetween) {
                // read again, then try again
            }
        }
        // SOLUTION END
    }
}
