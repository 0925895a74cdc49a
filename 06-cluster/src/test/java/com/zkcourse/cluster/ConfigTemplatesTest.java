package com.zkcourse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.zookeeper.server.quorum.QuorumPeer;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chapter's zoo.cfg templates, read by ZooKeeper's own config parser: they say what the notes say they say. */
class ConfigTemplatesTest {

    private static final Path CONF = Path.of("conf");

    @TempDir
    Path temp;

    @Test
    void eachOneMachineTemplateIsItsOwnServerOnItsOwnAddressWithTheOriginalsPorts() throws Exception {
        for (int n = 1; n <= 3; n++) {
            QuorumPeerConfig config = parse(CONF.resolve("zoo-" + n + ".cfg"), n);
            assertEquals(n, config.getServerId());
            assertEquals(new InetSocketAddress("127.0.0.1" + n, 2181), config.getClientPortAddress());
            assertEquals(2000, config.getTickTime());
            assertEquals(10, config.getInitLimit());
            assertEquals(5, config.getSyncLimit());
            assertFalse(config.getQuorumListenOnAllIPs(), "quorum and election ports on the server's own address only");
            Map<Long, QuorumPeer.QuorumServer> servers = config.getQuorumVerifier().getAllMembers();
            assertEquals(3, servers.size());
            for (long m = 1; m <= 3; m++) {
                assertEquals(new InetSocketAddress("127.0.0.1" + m, 2881), servers.get(m).addr.getOne());
                assertEquals(new InetSocketAddress("127.0.0.1" + m, 3881), servers.get(m).electionAddr.getOne());
            }
        }
    }

    @Test
    void theThreeTemplatesDifferOnlyInDataDirAndClientPortAddress() throws Exception {
        Map<String, String> first = settings(CONF.resolve("zoo-1.cfg"));
        for (int n = 2; n <= 3; n++) {
            Map<String, String> other = settings(CONF.resolve("zoo-" + n + ".cfg"));
            assertEquals(first.keySet(), other.keySet());
            for (String key : first.keySet()) {
                boolean own = key.equals("dataDir") || key.equals("clientPortAddress");
                assertEquals(!own, first.get(key).equals(other.get(key)), "zoo-" + n + ".cfg: " + key);
            }
        }
    }

    @Test
    void everySettingOfZoo1IsExplainedByTheCommentAboveIt() throws Exception {
        List<String> unexplained = new ArrayList<>();
        String previous = "";
        for (String line : Files.readAllLines(CONF.resolve("zoo-1.cfg"), StandardCharsets.UTF_8)) {
            // A setting follows a comment, or another setting of the same paragraph (server.1, server.2, ...).
            if (!line.isBlank() && !line.startsWith("#") && previous.isBlank()) {
                unexplained.add(line);
            }
            previous = line;
        }
        assertEquals(List.of(), unexplained);
    }

    @Test
    void theThreeHostsTemplateIsTheOriginalsEnsembleAndQuorumListenOnAllIPsIsOffUntilUncommented() throws Exception {
        Path template = CONF.resolve("zoo-hosts.cfg");
        QuorumPeerConfig config = parse(template, 1);
        assertEquals(1, config.getServerId());
        assertEquals(new InetSocketAddress(2181), config.getClientPortAddress(), "every interface: clients come from elsewhere");
        assertFalse(config.getQuorumListenOnAllIPs());
        Map<Long, QuorumPeer.QuorumServer> servers = config.getQuorumVerifier().getAllMembers();
        for (long m = 1; m <= 3; m++) {
            assertEquals(new InetSocketAddress("10.211.55." + (4 + m), 2881), servers.get(m).addr.getOne());
            assertEquals(new InetSocketAddress("10.211.55." + (4 + m), 3881), servers.get(m).electionAddr.getOne());
        }
        Path uncommented = temp.resolve("uncommented.cfg");
        Files.writeString(uncommented, Files.readString(template).replace("#quorumListenOnAllIPs=true", "quorumListenOnAllIPs=true"));
        assertTrue(parse(uncommented, 1).getQuorumListenOnAllIPs(), "a setting ZooKeeper reads, not a silent typo");
    }

    /** ZooKeeper's parse of a template, with its dataDir pointed at a directory of the test's holding myid. */
    private QuorumPeerConfig parse(Path template, int myid) throws Exception {
        Path data = Files.createDirectories(temp.resolve("data-" + template.getFileName() + "-" + myid));
        Files.writeString(data.resolve("myid"), myid + "\n");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(template, StandardCharsets.UTF_8)) {
            lines.add(line.startsWith("dataDir=") ? "dataDir=" + data : line);
        }
        Path config = temp.resolve(template.getFileName() + "-" + myid);
        Files.write(config, lines, StandardCharsets.UTF_8);
        QuorumPeerConfig parsed = new QuorumPeerConfig();
        parsed.parse(config.toString());
        return parsed;
    }

    private static Map<String, String> settings(Path template) throws Exception {
        Map<String, String> settings = new TreeMap<>();
        for (String line : Files.readAllLines(template, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return settings;
    }
}
