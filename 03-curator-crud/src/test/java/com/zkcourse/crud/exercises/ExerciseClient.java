package com.zkcourse.crud.exercises;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/** Clients for the exercise checks: the chapter's own client, and one that lets another client in at the worst moment. */
final class ExerciseClient {

    private ExerciseClient() {
    }

    /** A started, connected client built like the chapter's (no namespace: the checks use full paths). */
    static CuratorFramework connected(String connectString) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(5_000)
                .retryPolicy(new ExponentialBackoffRetry(1_000, 3))
                .build();
        client.start();
        if (!client.blockUntilConnected(30, TimeUnit.SECONDS)) {
            client.close();
            throw new AssertionError("the check's client did not connect to " + connectString + " within 30 s");
        }
        return client;
    }

    /**
     * The same client, except that the first time the exercise starts a write ({@code setData()} or
     * {@code transaction()}), {@code otherClient} runs first: another client's write lands between the exercise's
     * read and its write, every time, not only when the timing happens to be unlucky.
     */
    static CuratorFramework interruptedBeforeItsFirstWrite(CuratorFramework client, Interference otherClient) {
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
