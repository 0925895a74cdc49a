package com.zkcourse.crud;

import com.zkcourse.tools.CourseServer;

/**
 * Chapter 03, the whole chapter in order: connect, create, get, set, delete, on one server.
 *
 * <pre>mvn -q -pl 03-curator-crud -am compile exec:java</pre>
 *
 * Each topic also runs alone: {@code exec:java@connect}, {@code @create}, {@code @get}, {@code @set},
 * {@code @delete}. Each starts by emptying /crud, so the order does not matter and every run prints the same.
 */
public final class CrudTour {

    private CrudTour() {
    }

    public static void main(String[] args) throws Exception {
        try (CourseServer server = CourseServer.choose()) {
            String connectString = server.connectString();
            ConnectDemo.run(connectString);
            CreateDemo.run(connectString);
            GetDemo.run(connectString);
            SetDemo.run(connectString);
            DeleteDemo.run(connectString);
        } catch (NotConnectedException e) {
            System.out.flush();
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
