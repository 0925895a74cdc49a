package com.zkcourse.lock;

import com.zkcourse.tools.CourseMain;
import com.zkcourse.tools.CourseServer;

/**
 * The chapter in order, on one server: how the lock works, the 12306 sale with it and without it, in threads
 * and in processes, the rules of acquire and release, a holder that dies, a holder that pauses (and the fence),
 * and Curator's other locks.
 *
 * <pre>./mvnw -q -pl 05-lock -am compile exec:java</pre>
 */
public final class LockTour {

    private LockTour() {
    }

    /** A demo's run method, on the tour's server. */
    private interface Demo {
        void run(CourseServer server) throws Exception;
    }

    public static void main(String[] args) {
        CourseMain.run(server -> {
            part("recipe", "how InterProcessMutex works", s -> LockRecipeDemo.run(s.connectString()), server);
            part("sale", "the 12306 sale, with the lock", s -> TicketSaleDemo.run(s.connectString()), server);
            part("unsafe", "the 12306 sale, without the lock", s -> UnsafeSaleDemo.run(s.connectString()), server);
            part("processes", "the sale in two processes", SellerProcessesDemo::run, server);
            part("timeout", "acquire with a timeout, re-entrancy, who may release",
                    s -> AcquireTimeoutDemo.run(s.connectString()), server);
            part("holder-dies", "a holder killed with kill -9", HolderDiesDemo::run, server);
            part("fencing", "a holder that pauses, and the fence", s -> FencingDemo.run(s.connectString()), server);
            part("other-locks", "Curator's other locks", s -> OtherLocksDemo.run(s.connectString()), server);
        });
    }

    private static void part(String executionId, String title, Demo demo, CourseServer server) throws Exception {
        System.out.println();
        System.out.println("=== " + title + "   (alone: exec:java@" + executionId + ") ===");
        demo.run(server);
    }
}
