package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley export-mails samples/pop3-curl-plain.pcap DIR} writes exactly the mails curl received. */
class ExportMailsSampleTest {
    private static final Path CAPTURE = Path.of("samples", "pop3-curl-plain.pcap");
    private static final Path RECEIVED = Path.of("samples", "pop3-mails");

    @TempDir
    Path out;

    @Test
    void exportMailsWritesTheSameBytes() throws Exception {
        int code = ParleyCommand.run("export-mails", CAPTURE.toString(), out.toString());
        assertThat(code).isZero();
        List<Path> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(written).hasSize(4);
        for (int n = 1; n <= 4; n++) {
            byte[] expected = Files.readAllBytes(RECEIVED.resolve(n + ".eml"));
            assertThat(written).as("an exported file equal to %d.eml", n)
                    .anySatisfy(p -> assertThat(Files.readAllBytes(p)).isEqualTo(expected));
        }
    }
}
