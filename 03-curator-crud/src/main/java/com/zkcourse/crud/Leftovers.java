package com.zkcourse.crud;

import org.apache.curator.framework.CuratorFramework;

/**
 * What every demo does first, so that it runs again and again on a server that keeps its data (chapter
 * 01's) and always prints the same: remove what earlier runs left under /crud.
 */
final class Leftovers {

    private Leftovers() {
    }

    /**
     * Deletes everything under the client's namespace node (/crud for the demos' "crud" namespace), which
     * itself stays: "/" of a namespaced client is the namespace's node.
     */
    static void clear(CuratorFramework client) throws Exception {
        for (String child : client.getChildren().forPath("/")) {
            client.delete().deletingChildrenIfNeeded().forPath("/" + child);
        }
        Show.line("setup: emptied /crud, so that every run starts the same"
                + " (the client's namespace is \"crud\": \"/app1\" is /crud/app1)");
    }
}
