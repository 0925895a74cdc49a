package com.zkcourse.crud;

import java.util.Date;
import java.util.List;

import org.apache.zookeeper.data.Stat;

/**
 * A znode's {@link Stat} as zkCli.sh prints it ({@code stat}, {@code ls -s}, {@code get -s}): one field a
 * line, zxids and the owner in hex, times as dates. The test checks it line for line against zkCli's own
 * printer ({@code org.apache.zookeeper.cli.StatPrinter}).
 */
final class StatLines {

    private StatLines() {
    }

    static List<String> of(Stat stat) {
        return List.of(
                "cZxid = 0x" + Long.toHexString(stat.getCzxid()),          // the transaction that created the node
                "ctime = " + new Date(stat.getCtime()),                    // when it was created
                "mZxid = 0x" + Long.toHexString(stat.getMzxid()),          // the transaction that last set its data
                "mtime = " + new Date(stat.getMtime()),                    // when its data was last set
                "pZxid = 0x" + Long.toHexString(stat.getPzxid()),          // the transaction that last changed its children
                "cversion = " + stat.getCversion(),                        // how many times its children changed
                "dataVersion = " + stat.getVersion(),                      // how many times its data was set (withVersion)
                "aclVersion = " + stat.getAversion(),                      // how many times its ACL was set
                "ephemeralOwner = 0x" + Long.toHexString(stat.getEphemeralOwner()), // the owning session; 0 = persistent
                "dataLength = " + stat.getDataLength(),                    // bytes of data
                "numChildren = " + stat.getNumChildren());                 // how many children it has
    }
}
