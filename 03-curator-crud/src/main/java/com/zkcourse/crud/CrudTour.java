package com.zkcourse.crud;

import com.zkcourse.tools.CourseMain;

/**
 * Chapter 03, the whole chapter in order: connect, create, get, set, delete, transaction, lost-reply, on one server.
 *
 * <pre>./mvnw -q -pl 03-curator-crud -am compile exec:java</pre>
 *
 * Each topic also runs alone: {@code exec:java@connect}, {@code @create}, {@code @get}, {@code @set},
 * {@code @delete}, {@code @transaction}, {@code @lost-reply}. Each starts by emptying /crud, so the order does not
 * matter and every run prints the same.
 */
public final class CrudTour {

    private CrudTour() {
    }

    public static void main(String[] args) {
        CourseMain.run(server -> {
            String connectString = server.connectString();
            ConnectDemo.run(connectString);
            CreateDemo.run(connectString);
            GetDemo.run(connectString);
            SetDemo.run(connectString);
            DeleteDemo.run(connectString);
            TransactionDemo.run(connectString);
            LostReplyDemo.run(connectString);
        });
    }
}
