package com.zkcourse.lock;

import java.io.IOException;
import java.util.List;

import com.zkcourse.testing.ChildJvm;

/** exec:java@seller in a JVM of its own, as a student runs it in a terminal, for the tests that need processes. */
final class SellerJvm {

    private SellerJvm() {
    }

    static ChildJvm.Running start(String connectString, String seller, long printMillis) throws IOException {
        return ChildJvm.start(List.of("zk.connect=" + connectString, "seller=" + seller, "print.ms=" + printMillis),
                SellerMain.class.getName());
    }
}
