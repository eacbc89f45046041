package dev.parley.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The third-party corpus (../shared/corpus). CI gives its path in the system property {@code parley.corpus}; then a
 * missing folder fails the tests. Without the property the tests look beside the project and skip, saying why.
 */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        String given = System.getProperty("parley.corpus", "");
        if (!given.isBlank()) {
            Path p = Path.of(given);
            assertTrue(Files.isDirectory(p), "parley.corpus=" + given + " is not a folder");
            return p;
        }
        Path beside = Path.of("..", "shared", "corpus");
        Assumptions.assumeTrue(Files.isDirectory(beside),
                "corpus not found: pass -Dparley.corpus=PATH (../shared/corpus) to run the conformance tests");
        return beside;
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
