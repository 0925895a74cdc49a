package com.zkcourse.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.ZooKeeperMain;

/**
 * The real zkCli, {@link ZooKeeperMain} from ZooKeeper 3.9.5, driven one command line at a time.
 *
 * <p>zkCli's own interactive loop does three things: print {@code getPrompt()}, read a line, pass it to
 * {@code executeLine(line)}. This class offers the same steps to the lesson replay and to the type-along
 * loop, and adds one thing zkCli does not do: after a command it waits until zkCli has printed everything
 * that command caused, including watch events.
 *
 * <p>Why the wait: zkCli prints a command's result on the thread that runs the command, but a watch event
 * on the ZooKeeper client's event thread, a moment later. The server sends the event before the answer to
 * the command that triggered it, and the event thread handles events and answers strictly in order. So once
 * one more round trip to the server has been answered on that thread, every event caused by the command has
 * been printed, and the next prompt comes after it, every time.
 */
final class LessonShell extends ZooKeeperMain implements AutoCloseable {

    private static final int WAIT_SECONDS = 30;

    /**
     * Connects like {@code zkCli.sh -server SERVER}, printing what zkCli prints ("Connecting to ..." and the
     * connect event). {@code -waitforconnection} makes the constructor return only once the session is
     * established, so the connect event is always printed before the first command.
     */
    LessonShell(String server) throws IOException, InterruptedException {
        super(new String[] {"-server", server, "-waitforconnection"});
    }

    /** zkCli's prompt, such as {@code [zk: 127.0.0.1:2181(CONNECTED) 3] }, with its trailing space. */
    String prompt() {
        return getPrompt();
    }

    /** The children of a znode, for Tab completion; none when it has none or cannot be read now. */
    List<String> children(String path) {
        try {
            return zk.getChildren(path, false);
        } catch (KeeperException | IllegalArgumentException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Runs one command line through zkCli and returns once zkCli has printed everything it causes. */
    void execute(String line) throws InterruptedException, IOException {
        executeLine(line);
        awaitEverythingPrinted();
    }

    private void awaitEverythingPrinted() throws InterruptedException {
        ZooKeeper session = zk; // after `close` or `connect` this is the session zkCli holds now
        if (session.getState().isAlive()) {
            // A round trip that changes nothing; its answer is handled on the event thread after every event
            // the server sent before it. A session still connecting (after `connect`) answers once connected,
            // after its connect event.
            CountDownLatch answered = new CountDownLatch(1);
            session.exists("/", false, (resultCode, path, context, stat) -> answered.countDown(), null);
            if (!answered.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server did not answer within " + WAIT_SECONDS + " s");
            }
        } else {
            // After `close`: closing again returns at once, then waits until the event thread has printed
            // its last event (state:Closed) and ended.
            session.close(WAIT_SECONDS * 1_000);
        }
    }

    /**
     * Ends the session the way {@code quit} does, but without quit's System.exit: the replay goes on with the
     * next lesson. Watch printing is switched off first, so the session's last event (state:Closed) does not
     * show up after the lesson.
     */
    @Override
    public void close() {
        printWatches = false;
        try {
            zk.close(WAIT_SECONDS * 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the interrupt for the caller to see
        }
    }
}
