package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleCaptureTest {

    @Test
    void theBundledSampleIsAReadableCopyUnderItsOwnName() throws Exception {
        Path sample = SampleCapture.locate();
        assertThat(sample.getFileName().toString()).isEqualTo("sip-call-udp.pcap");
        assertThat(Files.readAllBytes(sample)).isEqualTo(Files.readAllBytes(Path.of("samples", "sip-call-udp.pcap")));
    }
}
