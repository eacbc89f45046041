package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testsupport.SyntheticCaptureGenerator;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingFloorTest {
    @Test
    void findsEveryFrameSipMessageAndCallIdTheGeneratorWrote(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("synthetic.pcap");
        SyntheticCaptureGenerator.Totals written = SyntheticCaptureGenerator.generate(file, 20_000, 5L);

        ReadingFloor.Counts read = ReadingFloor.walk(file);

        assertThat(read.frames()).isEqualTo(written.frames());
        assertThat(read.sipMessages()).isEqualTo(written.sipMessages());
        assertThat(read.callIds()).isEqualTo(written.callIds());
        assertThat(read.parameterOffsets()).isPositive();
    }
}
