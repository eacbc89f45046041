package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input loses nothing and never throws: every corpus capture, with bytes flipped, cut short or with chunks
 * zeroed (seeded, so a failure can be replayed), loads without an exception escaping the loader.
 */
class CorruptCaptureTest {
    private static final int VARIANTS = 12;

    static Stream<Path> captures() throws IOException {
        try (Stream<Path> s = Files.walk(Corpus.root())) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().toList();
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void corruptedCopiesLoadWithoutThrowing(Path capture, @TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(capture);
        Random random = new Random(capture.getFileName().toString().hashCode());
        for (int v = 0; v < VARIANTS; v++) {
            byte[] bytes = corrupt(original, random, v);
            Path copy = dir.resolve(v + "-" + capture.getFileName());
            Files.write(copy, bytes);
            assertThatCode(() -> {
                try {
                    CaptureModel m = new CaptureLoader().load(copy);
                    assertThat(m.frames()).isGreaterThanOrEqualTo(0);
                } catch (IOException notACapture) {
                    // A header destroyed beyond recognition: a clear message naming the file is the right answer.
                    assertThat(notACapture.getMessage()).contains(copy.getFileName().toString());
                }
            }).as("variant %d of %s", v, capture.getFileName()).doesNotThrowAnyException();
        }
    }

    /** Variant 0..3: cut short; 4..7: random bytes flipped; 8..11: a run of bytes zeroed. Header kept mostly. */
    private static byte[] corrupt(byte[] in, Random random, int variant) {
        byte[] b = in.clone();
        int n = b.length;
        if (variant < 4) {
            return java.util.Arrays.copyOf(b, 24 + random.nextInt(Math.max(1, n - 24)));
        }
        if (variant < 8) {
            for (int i = 0; i < 1 + n / 200; i++) {
                int at = 24 + random.nextInt(Math.max(1, n - 24));
                if (at < n) {
                    b[at] = (byte) random.nextInt(256);
                }
            }
            return b;
        }
        int at = 24 + random.nextInt(Math.max(1, n - 24));
        int len = Math.min(n - at, 1 + random.nextInt(512));
        for (int i = 0; i < len && at + i < n; i++) {
            b[at + i] = 0;
        }
        return b;
    }
}
