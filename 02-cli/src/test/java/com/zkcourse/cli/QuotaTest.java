package com.zkcourse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zkcourse.testing.ChildJvm;
import com.zkcourse.testing.LoopbackServer;
import com.zkcourse.tools.EmbeddedZooKeeper;

/**
 * What the README says of setquota: a server checks quotas only with enforceQuota=true; then -n/-b are soft
 * (the write succeeds, the server logs a warning) and -N/-B hard (the write fails). Without it, the course's
 * setting, a quota is recorded and nothing else happens.
 */
class QuotaTest {

    /** Configured like chapter 01's zoo.cfg: no enforceQuota. */
    @RegisterExtension
    static final LoopbackServer courseServer = new LoopbackServer();

    @BeforeAll
    static void catchWhatZkCliPrints() {
        ZkCliConsole.install();
    }

    @Test
    void onTheCourseServersAQuotaChangesNothing() throws Exception {
        List<String> printed = zkCli(courseServer.connectString(), "create /app1", "setquota -N 2 /app1",
                "create /app1/p1", "create /app1/p2", "listquota /app1", "deleteall /app1");
        assertEquals(List.of("Created /app1", "Created /app1/p1", "Created /app1/p2",
                "absolute path is /zookeeper/quota/app1/zookeeper_limits",
                "Output quota for /app1 count=-1,bytes=-1=;byteHardLimit=-1;countHardLimit=2",
                "Output stat for /app1 count=3,bytes=0"), printed);
    }

    @Test
    void withEnforceQuotaSoftLimitsWarnAndHardLimitsRefuse() throws Exception {
        try (ChildJvm.Running server = ChildJvm.start(List.of(), EnforcingServer.class.getName())) {
            String connectString = server.nextLine();
            List<String> printed = zkCli(connectString,
                    "create /app1", "setquota -n 2 /app1", "create /app1/p1", "create /app1/p2",
                    "create /app2", "setquota -N 2 /app2", "create /app2/p1", "create /app2/p2");
            assertEquals(List.of("Created /app1", "Created /app1/p1", "Created /app1/p2",
                    "Created /app2", "Created /app2/p1", "Quota has exceeded : /app2/p2"), printed);
            server.stop();
            String log = server.stderr();
            assertTrue(log.contains("WARN  ZooKeeperServer - Message:Quota exceeded: /app1 [current count=3, "
                    + "softCountLimit=2] Value:null"), log);
            assertTrue(log.contains("WARN  ZooKeeperServer - Message:Quota exceeded: /app2 [current count=3, "
                    + "hardCountLimit=2] Value:null"), log);
        }
    }

    /** What zkCli printed for the commands, without the connection's own lines. */
    private static List<String> zkCli(String connectString, String... commands) throws Exception {
        ZkCliConsole.Captured<LessonShell> connected = ZkCliConsole.captureResult(() -> new LessonShell(connectString));
        try (LessonShell shell = connected.result()) {
            StringBuilder printed = new StringBuilder();
            for (String command : commands) {
                printed.append(ZkCliConsole.capture(() -> shell.execute(command)));
            }
            return printed.toString().lines().toList();
        }
    }

    /**
     * A server with enforceQuota=true, in a JVM of its own: the server reads the switch once per JVM, when its
     * class loads, and this test JVM has loaded it long before. It prints its address, then serves until stopped.
     */
    public static final class EnforcingServer {
        public static void main(String[] args) throws Exception {
            EmbeddedZooKeeper server = EmbeddedZooKeeper.start(Map.of("enforceQuota", "true"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            System.out.println(server.connectString());
            new CountDownLatch(1).await();
        }
    }
}
