package com.zkcourse.cluster;

import static com.zkcourse.cluster.Drill.acknowledged;
import static com.zkcourse.cluster.Drill.seconds;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zkcourse.tools.CourseFailure;

/**
 * The original course's five experiments, one method each, in its order, and the fourth a second time with a
 * frozen leader instead of a dead one. Each takes one action, waits until the ensemble has settled, and prints
 * what happened ({@link Drill#report}).
 */
final class Experiments {

    /** How the ensemble came back after its leader was taken away. */
    record Recovery(ServerProcess oldLeader, ServerProcess newLeader, long toLeaderNanos, long toWriteNanos) {
    }

    private final Drill drill;
    private final ServerProcess leader;
    private final ServerProcess firstFollower;
    private final ServerProcess secondFollower;

    Experiments(Drill drill) throws IOException, InterruptedException {
        this.drill = drill;
        leader = drill.ensemble.leader().orElseThrow(() -> new CourseFailure("the ensemble has no leader"));
        List<ServerProcess> followers = others(leader);
        firstFollower = followers.get(followers.size() - 1); // server 3, as in the original
        secondFollower = followers.get(0);
    }

    /** 1. A follower goes away: the leader and the other follower are 2 of 3, still a majority. */
    void stopAFollower() throws IOException, InterruptedException {
        long stopped = drill.begin("Experiment 1: stop a follower, " + firstFollower
                + " (SIGTERM, as zkServer.sh stop does)", "experiment 1");
        firstFollower.stop();
        Writer.Write write = drill.awaitAcknowledgedWrite(stopped);
        ServerProcess now = currentLeader();
        drill.report(stopped, "leader: " + now + (now == leader ? ", unchanged" : "") + ": 2 servers of 3 are still"
                        + " a majority",
                "a client can write: yes, " + acknowledged(write, stopped, "the stop"));
    }

    /** 2. The second follower goes too: 1 of 3 is no majority, so the leader stops serving. */
    void stopASecondServer() throws IOException, InterruptedException {
        long stopped = drill.begin("Experiment 2: stop the other follower, " + secondFollower + ": only the leader, "
                + leader + ", is left", "experiment 2");
        secondFollower.stop();
        long notServing = drill.awaitNotServing(leader);
        Writer.Write write = drill.awaitAnyWrite(notServing);
        drill.report(stopped, "leader: none: " + leader + " stopped serving " + seconds(notServing - stopped)
                        + " after the stop (1 server of 3 is no majority)",
                "a client can write: " + (write.acknowledged() ? "yes, " + acknowledged(write, stopped, "the stop")
                        : "no, " + write.path() + " failed after " + seconds(write.endedNanos() - write.sentNanos())
                        + " with " + write.failure() + ": no server serves"));
    }

    /** 3. One comes back: a majority again. The leader is the same server, in a new epoch. */
    void startOneAgain() throws IOException, InterruptedException {
        long started = drill.begin("Experiment 3: start " + secondFollower + " again", "experiment 3");
        secondFollower.start();
        Ensemble.Seen elected = drill.awaitLeader(List.of(secondFollower, leader));
        Writer.Write write = drill.awaitAcknowledgedWrite(started);
        drill.report(started, "leader: " + elected.server() + (elected.server() == leader ? " again" : "") + ", "
                        + seconds(elected.nanos() - started) + " after the start (epoch " + Drill.epochOf(leader)
                        + ": every election makes a new epoch, even for the same leader)",
                "a client can write: yes, " + acknowledged(write, started, "the start"));
    }

    /** 4. With all three up, the leader dies (kill -9): the other two elect a new one. */
    Recovery killTheLeader() throws IOException, InterruptedException {
        firstFollower.start();
        drill.ensemble.awaitServing(firstFollower, Drill.STEP_TIMEOUT_MS);
        ServerProcess old = currentLeader();
        long killed = drill.begin("Experiment 4: " + firstFollower + " is started again (all three run); kill -9 the"
                + " leader, " + old, "experiment 4");
        old.kill();
        return recover(old, killed, "the kill");
    }

    /** 5. The old leader comes back: it joins as a follower; the new leader stays. */
    void startTheOldLeader(ServerProcess old) throws IOException, InterruptedException {
        ServerProcess current = currentLeader();
        long started = drill.begin("Experiment 5: start the old leader, " + old + ", again", "experiment 5");
        old.start();
        Status status = drill.ensemble.awaitServing(old, Drill.STEP_TIMEOUT_MS);
        Writer.Write write = drill.awaitAcknowledgedWrite(started);
        drill.report(started, "leader: " + currentLeader() + (currentLeader() == current ? ", unchanged" : "")
                        + ": " + old + " came back as a " + status.mode() + " " + seconds(System.nanoTime() - started)
                        + " after the start",
                "a client can write: yes, " + acknowledged(write, started, "the start"));
    }

    /** 4, again: the leader freezes (SIGSTOP) instead of dying; then it is thawed and finds a new leader. */
    Recovery freezeTheLeader() throws IOException, InterruptedException {
        ServerProcess old = currentLeader();
        drill.begin("Experiment 4, again: freeze the leader, " + old + " (SIGSTOP), instead of killing it",
                "experiment 4 again");
        old.freeze();
        long frozen = System.nanoTime(); // freeze() returns once the signal has been sent
        Recovery recovery = recover(old, frozen, "the freeze");
        long thawed = System.nanoTime();
        old.thaw();
        long lastLeaderAnswer = thawed;
        for (Status status = old.status(500); status.mode() != Status.Mode.FOLLOWER; status = old.status(500)) {
            if (status.mode() == Status.Mode.LEADER) {
                lastLeaderAnswer = System.nanoTime();
            }
            if (System.nanoTime() - thawed > TimeUnit.MILLISECONDS.toNanos(Drill.STEP_TIMEOUT_MS)) {
                throw new CourseFailure(old + " did not rejoin as a follower after it was thawed");
            }
            TimeUnit.MILLISECONDS.sleep(10); // polling its srvr answer
        }
        drill.out.println("  thawed " + old + " (SIGCONT): it still answered leader for " + seconds(lastLeaderAnswer - thawed)
                + ", then follower: it had missed the election");
        return recovery;
    }

    /** The two ways of losing the leader, side by side, with the settings that explain the difference. */
    void compare(Recovery killed, Recovery frozen) throws IOException {
        String tickTime = drill.ensemble.setting("tickTime");
        String syncLimit = drill.ensemble.setting("syncLimit");
        drill.out.println();
        drill.out.println(String.format("%-28s%-20s%s", "Experiment 4 both ways", "kill -9 (a crash)", "SIGSTOP (a freeze)"));
        drill.out.println(String.format("  %-26s%-20s%s", "new leader after", seconds(killed.toLeaderNanos()),
                seconds(frozen.toLeaderNanos())));
        drill.out.println(String.format("  %-26s%-20s%s", "first write after", seconds(killed.toWriteNanos()),
                seconds(frozen.toWriteNanos())));
        drill.out.println("  A killed leader's connections are closed by its operating system at once: its followers see");
        drill.out.println("  them break and elect a new leader straight away. A frozen leader's connections stay open and");
        drill.out.println("  silent: its followers give it up only after syncLimit x tickTime = " + syncLimit + " x " + tickTime
                + " ms = " + (Integer.parseInt(syncLimit) * Integer.parseInt(tickTime) / 1000.0 + " s").replace(".0 s", " s"));
        drill.out.println("  without a word from it. The first write also waits for the client to find a serving server");
        drill.out.println("  again (the README's \"What the times depend on\").");
    }

    /** Waits for a new leader among the others and for a write, reports both and returns the times. */
    private Recovery recover(ServerProcess old, long since, String what) throws IOException, InterruptedException {
        Ensemble.Seen elected = drill.awaitLeader(others(old));
        Writer.Write write = drill.awaitAcknowledgedWrite(since);
        drill.report(since, "leader: " + elected.server() + ", elected " + seconds(elected.nanos() - since) + " after "
                        + what + " (epoch " + Drill.epochOf(elected.server()) + ")",
                "a client can write: yes, " + acknowledged(write, since, what));
        return new Recovery(old, elected.server(), elected.nanos() - since, write.endedNanos() - since);
    }

    private ServerProcess currentLeader() throws IOException, InterruptedException {
        return drill.ensemble.leader().orElseThrow(() -> new CourseFailure("the ensemble has no leader"));
    }

    private List<ServerProcess> others(ServerProcess one) {
        return drill.ensemble.servers().stream().filter(server -> server != one).toList();
    }
}
