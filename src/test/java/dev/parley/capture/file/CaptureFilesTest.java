package dev.parley.capture.file;

import static dev.parley.capture.file.PcapBytes.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.capture.FrameSource;
import dev.parley.decode.Anomaly;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFilesTest {
    @TempDir
    Path dir;

    private static byte[] pcap(int records) {
        PcapBytes pcap = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 1, 65535);
        for (int i = 0; i < records; i++) {
            pcap.record(1_600_000_000L + i, i, payload(i, 40 + i));
        }
        return pcap.bytes();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void readsAGzippedPcapOfSeveralMembers() throws Exception {
        byte[] plain = pcap(50);
        int half = plain.length / 2;
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        members.writeBytes(gzip(Arrays.copyOfRange(plain, 0, half)));
        members.writeBytes(gzip(Arrays.copyOfRange(plain, half, plain.length)));

        List<Frames.Copy> expected = Frames.readAll(Frames.write(dir, "plain.pcap", plain));
        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "c.pcap.gz", members.toByteArray()), 128)) {
            assertThat(source.size()).isEqualTo(-1);
            List<Frames.Copy> frames = Frames.readAll(source);
            assertThat(frames).usingRecursiveFieldByFieldElementComparator().isEqualTo(expected);
            assertThat(frames).hasSize(50);
            assertThat(source.position()).isEqualTo(plain.length);
            assertThat(source.anomalies()).isEmpty();
        }
    }

    @Test
    void readsAGzippedPcapng() throws Exception {
        byte[] ng = new PcapngBytes().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, null, null)
                .enhanced(0, 1, payload(1, 30), 30).bytes();
        assertThat(Frames.readAll(Frames.write(dir, "c.pcapng.gz", gzip(ng)))).singleElement()
                .satisfies(f -> assertThat(f.data()).isEqualTo(payload(1, 30)));
    }

    @Test
    void aCutGzipKeepsTheFramesBeforeTheCut() throws Exception {
        byte[] plain = pcap(400);
        byte[] gz = gzip(plain);
        byte[] cut = Arrays.copyOf(gz, gz.length * 2 / 3);

        try (FrameSource source = CaptureFiles.open(Frames.write(dir, "cut.pcap.gz", cut))) {
            List<Frames.Copy> frames = Frames.readAll(source);
            assertThat(frames).isNotEmpty().hasSizeLessThan(400);
            assertThat(frames.get(frames.size() - 1).data()).isEqualTo(payload(frames.size() - 1, 40 + frames.size() - 1));
            assertThat(source.anomalies()).extracting(Anomaly::code).contains("capture.gzip.truncated");
        }
    }

    @Test
    void aTextFileIsNotACapture() throws Exception {
        Path file = Frames.write(dir, "notes.txt", "Hello, world".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> CaptureFiles.open(file)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("notes.txt: not a pcap or pcapng file (starts with 48 65 6c 6c)")
                .satisfies(e -> assertThat(((CaptureFormatException) e).file()).isEqualTo(file));
    }

    @Test
    void aGzippedTextFileIsNotACapture() throws Exception {
        Path file = Frames.write(dir, "notes.gz", gzip("Hello, world".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> CaptureFiles.open(file)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("notes.gz: not a pcap or pcapng file (decompressed data starts with 48 65 6c 6c)");
    }

    @Test
    void aPcapngWithoutByteOrderMagicIsNotACapture() throws Exception {
        byte[] bytes = {0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 1, 2, 3, 4};
        Path file = Frames.write(dir, "bom.pcapng", bytes);
        assertThatThrownBy(() -> CaptureFiles.open(file)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("bom.pcapng: pcapng section header has no byte-order magic");
    }

    @Test
    void anEmptyFileIsNotACapture() throws Exception {
        Path file = Frames.write(dir, "empty.pcap", new byte[0]);
        assertThatThrownBy(() -> CaptureFiles.open(file)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("empty.pcap: empty file");
    }

    @Test
    void aTinyFileIsNotACapture() throws Exception {
        Path file = Frames.write(dir, "tiny.pcap", new byte[] {(byte) 0xd4, (byte) 0xc3});
        assertThatThrownBy(() -> CaptureFiles.open(file)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("tiny.pcap: file too short for a capture (2 bytes: d4 c3)");
    }

    @Test
    void aMissingFileOrADirectoryCannotBeRead() {
        assertThatThrownBy(() -> CaptureFiles.open(dir.resolve("gone.pcap"))).isInstanceOf(CaptureFormatException.class)
                .hasMessage("gone.pcap: no such file");
        assertThatThrownBy(() -> CaptureFiles.open(dir)).isInstanceOf(CaptureFormatException.class)
                .hasMessageStartingWith(dir.getFileName() + ": ");
    }
}
