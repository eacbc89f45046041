package dev.parley.capture.file;

import static dev.parley.capture.file.PcapBytes.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.capture.FrameSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading ahead ({@link ReadAhead}, big gzip files; here plain ones too) gives the frames, offsets and anomalies that reading in place gives:
 * records cut at every chunk boundary, records longer than the headroom, a truncated end, gzip streams whole and cut
 * short, the corpus' captures.
 */
class ReadAheadTest {
    @TempDir
    Path dir;

    /** The frames and anomalies of {@code file}, read ahead in {@code chunk}-byte chunks, or in place for 0. */
    private static List<String> read(Path file, int chunk) throws IOException {
        return Frames.describeAll(file, chunk == 0 ? CaptureFiles.Reading.IN_PLACE : CaptureFiles.Reading.AHEAD,
                Math.max(chunk, 1));
    }

    @Test
    void recordsCutAtEveryChunkBoundaryReadAlike() throws Exception {
        Path file = Frames.write(dir, "many.pcap", PcapBytes.unevenRecords(40, 300));
        List<String> inPlace = read(file, 0);
        for (int chunk : new int[] {1, 2, 3, 7, 16, 61, 512, 4096}) {
            assertThat(read(file, chunk)).as("chunks of %d bytes", chunk).isEqualTo(inPlace);
        }
    }

    @Test
    void recordsLongerThanTheHeadroomReadAlike() throws Exception {
        byte[] big = payload(3, 3 * ReadAhead.HEADROOM + 17); // gathered from many chunks, past the headroom
        PcapBytes pcap = new PcapBytes(ByteOrder.BIG_ENDIAN, false, 1, 262_144)
                .record(1, 0, payload(1, 60)).record(2, 0, big).record(3, 0, payload(2, 90))
                .record(4, 0, payload(4, ReadAhead.HEADROOM + 1)).record(5, 0, payload(5, 10));
        Path file = Frames.write(dir, "big.pcap", pcap.bytes());
        List<String> inPlace = read(file, 0);
        assertThat(inPlace).hasSize(5 + 2);
        for (int chunk : new int[] {1000, 4096, ReadAhead.HEADROOM, 1 << 20}) {
            assertThat(read(file, chunk)).as("chunks of %d bytes", chunk).isEqualTo(inPlace);
        }
    }

    @Test
    void aTruncatedEndGivesTheSameAnomaly() throws Exception {
        byte[] whole = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 1, 65535)
                .record(1, 0, payload(0, 40)).record(2, 0, payload(1, 400)).record(3, 0, payload(2, 40)).bytes();
        for (int cut = 24; cut < whole.length; cut += 5) {
            Path file = Frames.write(dir, "cut.pcap", Arrays.copyOf(whole, cut));
            List<String> inPlace = read(file, 0);
            assertThat(read(file, 64)).as("cut at %d", cut).isEqualTo(inPlace);
        }
    }

    @Test
    void gzipCapturesAndCutGzipStreamsReadAlike() throws Exception {
        PcapBytes pcap = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 1, 65535);
        for (int i = 0; i < 300; i++) {
            pcap.record(i, i, payload(i, 20 + 13 * i % 700));
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(pcap.bytes());
        }
        byte[] whole = zipped.toByteArray();
        List<String> all = read(Frames.write(dir, "whole.pcap.gz", whole), 0);
        assertThat(read(Frames.write(dir, "whole.pcap.gz", whole), 999)).isEqualTo(all);
        for (int cut : new int[] {whole.length / 3, whole.length / 2, whole.length - 9}) {
            Path file = Frames.write(dir, "cut.pcap.gz", Arrays.copyOf(whole, cut));
            List<String> inPlace = read(file, 0);
            assertThat(inPlace.get(inPlace.size() - 2).toString()).contains("capture.gzip.truncated");
            assertThat(read(file, 999)).as("cut at %d", cut).isEqualTo(inPlace);
        }
    }

    @Test
    void corpusCapturesReadAlike() throws Exception {
        Path corpus = CorpusFramesTest.corpus();
        String configured = System.getProperty("parley.corpus");
        if (configured != null && !configured.isBlank()) {
            assertThat(corpus).as("parley.corpus names a corpus").isDirectory(); // CI gives one: never skip there
        }
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Path> files = new ArrayList<>();
        for (String folder : new String[] {"sip", "pop3"}) {
            try (Stream<Path> list = Files.list(corpus.resolve(folder))) {
                list.filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng")).sorted()
                        .forEach(files::add);
            }
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(read(file, 4093)).as(file.toString()).isEqualTo(read(file, 0));
        }
    }

    @Test
    void aReadErrorComesAfterTheBytesBeforeIt() throws Exception {
        ByteInput failing = new ByteInput() {
            private int given;

            @Override
            public int read(byte[] into, int offset, int len) throws IOException {
                if (given >= 100) {
                    throw new IOException("medium failed");
                }
                int n = Math.min(len, 100 - given);
                for (int i = 0; i < n; i++) {
                    into[offset + i] = (byte) (given + i);
                }
                given += n;
                return n;
            }

            @Override
            public long size() {
                return 1000;
            }

            @Override
            public void close() {
            }
        };
        InputWindow window = new InputWindow(failing, new ReadAhead(failing, 64), null);
        try {
            assertThat(window.ensure(100)).isTrue();
            assertThat(window.buffer()[window.pos() + 99]).isEqualTo((byte) 99);
            window.skip(100);
            assertThatThrownBy(() -> window.ensure(1)).isInstanceOf(IOException.class).hasMessage("medium failed");
        } finally {
            window.close();
        }
    }

    @Test
    void closingStopsTheThread() throws Exception {
        PcapBytes pcap = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 1, 65535);
        for (int i = 0; i < 100; i++) {
            pcap.record(i, 0, payload(i, 200));
        }
        Path file = Frames.write(dir, "stop.pcap", pcap.bytes());
        FrameSource source = CaptureFiles.open(file, InputWindow.DEFAULT_CAPACITY, CaptureFiles.Reading.AHEAD, 256);
        assertThat(source.next()).isNotNull(); // the thread is now reading ahead, and blocks on its full queue
        assertThat(readAheadThreads()).isPositive();
        source.close();
        assertThat(readAheadThreads()).isZero();
    }

    private static long readAheadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("parley-read-ahead") && t.isAlive()).count();
    }
}
