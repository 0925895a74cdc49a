package com.zkcourse.tools;

/** A main that does only what every course main does first: apply the connect rule. */
public class PrintChosenServer {

    public static void main(String[] args) {
        CourseMain.run(server -> System.out.println("connect string: " + server.connectString()));
    }
}
