package dev.parley.capture.file;

import static dev.parley.capture.file.PcapBytes.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.parley.capture.FrameSource;
import dev.parley.decode.Anomaly;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapngReaderTest {
    private static final long T0 = 1_700_000_000L;

    @TempDir
    Path dir;

    @Test
    void interfacesCarryTheirOwnLinkTypeAndTimestampResolution() throws Exception {
        PcapngBytes ng = new PcapngBytes().section(ByteOrder.LITTLE_ENDIAN)
                .iface(1, 65535, null, null)                 // Ethernet, microseconds (default)
                .iface(113, 0, 9, null)                      // Linux SLL, nanoseconds
                .iface(101, 0, 0x80 | 20, 3600L);            // raw IP, 2^-20 s units, one hour offset
        int firstBlock = ng.size();
        ng.enhanced(0, T0 * 1_000_000L + 250_000, payload(1, 42), 42)
                .enhanced(1, T0 * 1_000_000_000L + 123_456_789, payload(2, 17), 60)
                .enhanced(2, (T0 << 20) | (1 << 19), payload(3, 20), 20);
        byte[] file = ng.bytes();

        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "two.pcapng", file))) {
            List<Frames.Copy> frames = Frames.readAll(source);
            assertThat(source.anomalies()).isEmpty();
            assertThat(source.position()).isEqualTo(file.length);
            assertThat(frames).extracting(Frames.Copy::number, Frames.Copy::linkType, Frames.Copy::timestampNanos,
                    Frames.Copy::originalLength)
                    .containsExactly(tuple(1L, 1, T0 * 1_000_000_000L + 250_000_000L, 42),
                            tuple(2L, 113, T0 * 1_000_000_000L + 123_456_789L, 60),
                            tuple(3L, 101, (T0 + 3600) * 1_000_000_000L + 500_000_000L, 20));
            assertThat(frames.get(0).data()).isEqualTo(payload(1, 42));
            assertThat(frames.get(1).data()).isEqualTo(payload(2, 17));
            assertThat(frames.get(0).fileOffset()).isEqualTo(firstBlock + 28);
            assertThat(frames.get(1).fileOffset()).isEqualTo(firstBlock + 28 + 44 + 4 + 4 + 28);
        }
    }

    @Test
    void readsSimpleAndObsoletePacketsAndSkipsOtherBlocks() throws Exception {
        byte[] file = new PcapngBytes().section(ByteOrder.BIG_ENDIAN)
                .iface(1, 16, 9, null)
                .block(4, new byte[] {0, 0, 0, 0})                       // name resolution
                .enhanced(0, T0 * 1_000_000_000L, payload(1, 10), 10)
                .simple(100, payload(2, 24))                             // snaplen 16 cuts it
                .block(5, payload(0, 28))                                // interface statistics
                .block(0x40000BAD, payload(0, 13))                       // custom block
                .obsolete(0, T0 * 1_000_000_000L + 5, payload(3, 9))
                .bytes();

        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "mixed.pcapng", file))) {
            List<Frames.Copy> frames = Frames.readAll(source);
            assertThat(source.anomalies()).isEmpty();
            assertThat(frames).extracting(Frames.Copy::number, f -> f.data().length, Frames.Copy::originalLength)
                    .containsExactly(tuple(1L, 10, 10), tuple(2L, 16, 100), tuple(3L, 9, 9));
            assertThat(frames.get(1).data()).isEqualTo(payload(2, 16));
            assertThat(frames.get(1).timestampNanos()).isEqualTo(frames.get(0).timestampNanos());
            assertThat(frames.get(2).data()).isEqualTo(payload(3, 9));
            assertThat(frames.get(2).timestampNanos()).isEqualTo(T0 * 1_000_000_000L + 5);
        }
    }

    @Test
    void aNewSectionMaySwitchByteOrderAndResetsInterfaces() throws Exception {
        byte[] file = new PcapngBytes().section(ByteOrder.LITTLE_ENDIAN)
                .iface(1, 0, null, null).enhanced(0, T0 * 1_000_000L, payload(1, 30), 30)
                .section(ByteOrder.BIG_ENDIAN)
                .iface(228, 0, null, null).enhanced(0, (T0 + 1) * 1_000_000L, payload(2, 31), 31)
                .bytes();

        List<Frames.Copy> frames = Frames.readAll(Frames.write(dir, "sections.pcapng", file));
        assertThat(frames).extracting(Frames.Copy::number, Frames.Copy::linkType, Frames.Copy::timestampNanos)
                .containsExactly(tuple(1L, 1, T0 * 1_000_000_000L), tuple(2L, 228, (T0 + 1) * 1_000_000_000L));
        assertThat(frames.get(1).data()).isEqualTo(payload(2, 31));
    }

    @Test
    void keepsFramesBeforeATruncatedBlock() throws Exception {
        byte[] whole = new PcapngBytes().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, null, null)
                .enhanced(0, 1, payload(1, 30), 30).enhanced(0, 2, payload(2, 30), 30).bytes();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 10);

        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "cut.pcapng", cut))) {
            assertThat(Frames.readAll(source)).hasSize(1);
            assertThat(source.anomalies()).extracting(Anomaly::code, Anomaly::frame)
                    .containsExactly(tuple("capture.block.truncated", 2L));
        }
    }

    @Test
    void stopsAtABlockWhoseLengthsDisagree() throws Exception {
        byte[] file = new PcapngBytes().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, null, null)
                .enhanced(0, 1, payload(1, 30), 30).enhanced(0, 2, payload(2, 30), 30)
                .enhanced(0, 3, payload(3, 30), 30).bytes();
        file[file.length - 68 - 4] ^= 0x55; // the second packet block's trailing length (blocks are 68 bytes)

        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "corrupt.pcapng", file))) {
            assertThat(Frames.readAll(source)).hasSize(1);
            assertThat(source.anomalies()).extracting(Anomaly::code).containsExactly("capture.block.invalid");
        }
    }

    @Test
    void stopsAtAnImpossibleBlockLength() throws Exception {
        byte[] file = new PcapngBytes().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, null, null)
                .enhanced(0, 1, payload(1, 30), 30).raw(new byte[] {6, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0}).bytes();

        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "length.pcapng", file))) {
            assertThat(Frames.readAll(source)).hasSize(1);
            assertThat(source.anomalies()).extracting(Anomaly::code, Anomaly::frame)
                    .containsExactly(tuple("capture.block.invalid", 2L));
        }
    }

    @Test
    void skipsAPacketOfAnUndescribedInterface() throws Exception {
        byte[] file = new PcapngBytes().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, null, null)
                .enhanced(3, 1, payload(1, 30), 30).enhanced(0, 2, payload(2, 30), 30).bytes();

        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "ifid.pcapng", file))) {
            assertThat(Frames.readAll(source)).singleElement().satisfies(f -> {
                assertThat(f.number()).isEqualTo(1);
                assertThat(f.data()).isEqualTo(payload(2, 30));
            });
            assertThat(source.anomalies()).extracting(Anomaly::code).containsExactly("capture.block.invalid");
        }
    }

    @Test
    void convertsEveryTimestampResolution() {
        assertThat(PcapngInterface.toNanos(1_500_000, 6)).isEqualTo(1_500_000_000L);
        assertThat(PcapngInterface.toNanos(15, 1)).isEqualTo(1_500_000_000L);
        assertThat(PcapngInterface.toNanos(1_500_000_000_000L, 12)).isEqualTo(1_500_000_000L);
        assertThat(PcapngInterface.toNanos(3, 0x80)).isEqualTo(3_000_000_000L);
        assertThat(PcapngInterface.toNanos((5L << 40) | (1L << 39), 0x80 | 40)).isEqualTo(5_500_000_000L);
        assertThat(PcapngInterface.toNanos((7L << 10) | (1L << 8), 0x80 | 10)).isEqualTo(7_250_000_000L);
    }
}
