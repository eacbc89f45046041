package dev.parley.capture.file;

import static dev.parley.capture.file.PcapBytes.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.decode.Origin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginReaderTest {
    @TempDir
    Path dir;

    private static byte[] capture() {
        return new PcapBytes(ByteOrder.BIG_ENDIAN, true, 1, 65535)
                .record(1, 0, payload(10, 50)).record(2, 0, payload(20, 60)).record(3, 0, payload(30, 70)).bytes();
    }

    /** Bytes 5.. of frame 1, then the first 8 bytes of frame 3, located as a decoder would: by the frames' offsets. */
    private static Origin originOf(List<Frames.Copy> frames) {
        return new Origin.Builder().add(1, frames.get(0).fileOffset() + 5, 45)
                .add(3, frames.get(2).fileOffset(), 8).build();
    }

    private static byte[] expected() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(payload(15, 45), 0, 45);
        out.write(payload(30, 8), 0, 8);
        return out.toByteArray();
    }

    @Test
    void readsTheRunsOfAnOriginBackFromAPlainCapture() throws Exception {
        Path file = Frames.write(dir, "o.pcap", capture());
        Origin origin = originOf(Frames.readAll(file));
        try (OriginReader reader = new OriginReader(file)) {
            assertThat(reader.read(origin)).isEqualTo(expected());
            assertThat(reader.read(origin.slice(40, 10))).isEqualTo(java.util.Arrays.copyOfRange(expected(), 40, 50));
        }
    }

    @Test
    void readsAGzipCaptureThroughATemporaryFileDeletedOnClose() throws Exception {
        Path file = Frames.write(dir, "o.pcap.gz", CaptureFilesTest.gzip(capture()));
        Origin origin = originOf(Frames.readAll(file));
        OriginReader reader = new OriginReader(file);
        assertThat(reader.read(origin)).isEqualTo(expected());
        assertThat(reader.read(origin)).isEqualTo(expected());
        Path temporary = reader.temporaryFile();
        assertThat(temporary).exists();
        reader.close();
        assertThat(temporary).doesNotExist();
        assertThatThrownBy(() -> reader.read(origin)).isInstanceOf(IOException.class);
    }

    @Test
    void returnsInlineBytesWithoutTouchingTheFile() throws Exception {
        Origin origin = Origin.inline(new byte[] {1, 2, 3}, Origin.of(1, 40, 3));
        try (OriginReader reader = new OriginReader(dir.resolve("absent.pcap"))) {
            assertThat(reader.read(origin)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aRunPastTheEndOfTheFileFails() throws Exception {
        Path file = Frames.write(dir, "short.pcap", capture());
        try (OriginReader reader = new OriginReader(file)) {
            assertThatThrownBy(() -> reader.read(Origin.of(1, Files.size(file) - 4, 10)))
                    .isInstanceOf(java.io.EOFException.class).hasMessageContaining("short.pcap");
        }
    }
}
