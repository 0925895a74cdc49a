package com.zkcourse.crud.exercises;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.curator.framework.CuratorFramework;

/** A client for the exercise checks that lets another client in at the worst moment. */
final class InterruptedClient {

    private InterruptedClient() {
    }

    /**
     * The same client, except that the first time the exercise starts a write ({@code setData()} or
     * {@code transaction()}), {@code otherClient} runs first: another client's write lands between the exercise's
     * read and its write, every time, not only when the timing happens to be unlucky.
     */
    static CuratorFramework beforeItsFirstWrite(CuratorFramework client, Interference otherClient) {
        AtomicBoolean interfered = new AtomicBoolean();
        return (CuratorFramework) Proxy.newProxyInstance(CuratorFramework.class.getClassLoader(),
                new Class<?>[] {CuratorFramework.class}, (proxy, method, args) -> {
                    boolean write = method.getName().equals("setData") || method.getName().equals("transaction");
                    if (write && interfered.compareAndSet(false, true)) {
                        otherClient.write();
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Another client's write. */
    interface Interference {
        void write() throws Exception;
    }
}
