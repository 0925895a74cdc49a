package com.zkcourse.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class StarterGeneratorTest {

    private static final String SOLUTION = """
            package x;

            /** Task: create the node. */
            public final class Create {
                public static String create(String path) throws Exception {
                    String before = "kept";
                    // SOLUTION BEGIN: client.create().creatingParentsIfNeeded().forPath(path) "quoted"
                    String made = path + "/made";
                    return made;
                    // SOLUTION END
                }

                static int two() {
                    // SOLUTION BEGIN: return 2
                    return 2;
                    // SOLUTION END

                }
            }
            """;

    @Test
    void eachRegionBecomesATodoThatThrowsWithItsHint() {
        assertEquals("""
                package x;

                /** Task: create the node. */
                public final class Create {
                    public static String create(String path) throws Exception {
                        String before = "kept";
                        // TODO: client.create().creatingParentsIfNeeded().forPath(path) "quoted"
                        throw new UnsupportedOperationException("TODO: client.create().creatingParentsIfNeeded().forPath(path) \\"quoted\\"");
                    }

                    static int two() {
                        // TODO: return 2
                        throw new UnsupportedOperationException("TODO: return 2");

                    }
                }
                """, StarterGenerator.starterOf(SOLUTION, "java/x/Create.java"));
    }

    @Test
    void theHintsAreReadInOrder() {
        assertEquals(List.of(new StarterGenerator.Region(7, "client.create().creatingParentsIfNeeded().forPath(path) \"quoted\""),
                new StarterGenerator.Region(14, "return 2")), StarterGenerator.regionsOf(SOLUTION));
    }

    @Test
    void aScriptRegionBecomesATodoComment() {
        assertEquals("# create the nodes\n# TODO: create /e1 first\nls /\n",
                StarterGenerator.starterOf("# create the nodes\n# SOLUTION BEGIN: create /e1 first\ncreate /e1\n"
                        + "create /e1/a x\n# SOLUTION END\nls /\n", "zkcli/e1.zkcli"));
    }

    @Test
    void wrongMarkersAreNamedWithTheirLine() {
        assertEquals("java/x/A.java line 4: a SOLUTION region must end its method (only '}' may follow SOLUTION END): "
                + "the starting file replaces it with a throw", assertThrows(IllegalArgumentException.class,
                () -> StarterGenerator.starterOf("void f() {\n// SOLUTION BEGIN: h\nint a = 1;\n// SOLUTION END\na++;\n}\n",
                        "java/x/A.java")).getMessage());
        assertEquals("java/x/A.java line 2: SOLUTION BEGIN without its SOLUTION END", assertThrows(
                IllegalArgumentException.class, () -> StarterGenerator.starterOf("void f() {\n// SOLUTION BEGIN: h\n}\n",
                        "java/x/A.java")).getMessage());
        assertEquals("java/x/A.java line 2: SOLUTION END without a BEGIN", assertThrows(IllegalArgumentException.class,
                () -> StarterGenerator.starterOf("void f() {\n// SOLUTION END\n}\n", "java/x/A.java")).getMessage());
        assertEquals("zkcli/a.zkcli line 1: write the marker as '# SOLUTION BEGIN: hint'", assertThrows(
                IllegalArgumentException.class, () -> StarterGenerator.starterOf("// SOLUTION BEGIN: h\nls /\n// SOLUTION END\n",
                        "zkcli/a.zkcli")).getMessage());
        assertEquals("java/x/A.java line 2: an empty SOLUTION region", assertThrows(IllegalArgumentException.class,
                () -> StarterGenerator.starterOf("void f() {\n// SOLUTION BEGIN: h\n// SOLUTION END\n}\n",
                        "java/x/A.java")).getMessage());
    }
}
