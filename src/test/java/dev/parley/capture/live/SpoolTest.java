package dev.parley.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.capture.file.CaptureFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool without libpcap: writer, tailing reader, ring rotation and saving. */
class SpoolTest {
    private static final List<SpoolInterface> TWO = List.of(new SpoolInterface("lo", 1, 65535),
            new SpoolInterface("eth0", 1, 65535));

    @TempDir
    Path dir;

    private static CapturedPacket packet(int i) {
        byte[] data = new byte[100 + i % 7];
        data[0] = (byte) i;
        return new CapturedPacket(i % 2, 1_700_000_000_000_000_000L + i * 1_000_000L, data, data.length + (i % 3));
    }

    @Test
    void aTailingReaderGetsEveryFrameWhileTheSpoolGrowsAndIsToldWhenIdle() throws Exception {
        Spool spool = new Spool(dir);
        SpoolWriter writer = new SpoolWriter(spool, TWO, RingLimits.NONE);
        SpoolReader reader = new SpoolReader(spool, true);
        AtomicLong idleAt = new AtomicLong(-1);
        reader.whenIdle(idleAt::set);
        CompletableFuture<List<long[]>> read = CompletableFuture.supplyAsync(() -> {
            List<long[]> got = new ArrayList<>();
            try {
                Frame f;
                while ((f = reader.next()) != null) {
                    got.add(new long[] {f.number(), f.timestampNanos(), f.data().length(), f.originalLength(),
                        f.data().u8(0), reader.lastInterface()});
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return got;
        });
        for (int i = 0; i < 50; i++) {
            writer.write(packet(i));
        }
        writer.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (idleAt.get() != 50 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(idleAt.get()).as("idle after the 50 flushed frames").isEqualTo(50);
        for (int i = 50; i < 120; i++) {
            writer.write(packet(i));
        }
        writer.close();
        List<long[]> got = read.get(5, TimeUnit.SECONDS);
        assertThat(got).hasSize(120);
        for (int i = 0; i < 120; i++) {
            CapturedPacket p = packet(i);
            assertThat(got.get(i)).containsExactly(i + 1, p.timestampNanos(), p.data().length, p.originalLength(),
                    i & 0xff, i % 2);
        }
    }

    @Test
    void theRingDropsTheOldestFilesAndSaysWhichFrames() throws Exception {
        Spool spool = new Spool(dir);
        RingLimits ring = new RingLimits(256 << 10, null); // files of 64 KiB, at most 256 KiB
        try (SpoolWriter writer = new SpoolWriter(spool, TWO, ring)) {
            for (int i = 0; i < 10_000; i++) {
                writer.write(packet(i));
            }
        }
        RingDrops drops = spool.drops();
        assertThat(drops.any()).isTrue();
        // the sealed files keep the bound; the file being written adds at most one file's worth
        long sealed = spool.totalBytes() - spool.segments().get(spool.segments().size() - 1).flushedBytes;
        assertThat(sealed).isLessThanOrEqualTo(256 << 10);
        assertThat(spool.totalBytes()).isLessThanOrEqualTo((256 << 10) + ring.segmentBytes() + 256);
        assertThat(spool.totalFrames() + drops.frames()).isEqualTo(10_000);
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(spool.segments().size());
        }
        // a reader coming late starts at the oldest kept file, numbers frames as they were written, and says so
        List<Long> numbers = new ArrayList<>();
        try (SpoolReader reader = new SpoolReader(spool, false)) {
            Frame f;
            while ((f = reader.next()) != null) {
                numbers.add(f.number());
            }
            assertThat(reader.anomalies()).singleElement().satisfies(a -> {
                assertThat(a.code()).isEqualTo("capture.spool.dropped");
                assertThat(a.message()).contains("frames 1 to " + drops.frames());
            });
        }
        assertThat(numbers).hasSize((int) spool.totalFrames());
        assertThat(numbers.get(0)).isEqualTo(drops.frames() + 1);
        assertThat(numbers.get(numbers.size() - 1)).isEqualTo(10_000);
    }

    @Test
    void theRingByAgeKeepsOnlyRecentFrames() throws Exception {
        Spool spool = new Spool(dir);
        try (SpoolWriter writer = new SpoolWriter(spool, TWO, new RingLimits(0, Duration.ofSeconds(4)))) {
            for (int i = 0; i < 10_000; i++) { // 1 ms apart: 10 s of capture
                writer.write(packet(i));
            }
        }
        SpoolSegment oldest = spool.segments().get(0);
        assertThat(spool.drops().any()).isTrue();
        RingLimits ring = new RingLimits(0, Duration.ofSeconds(4));
        // the bound holds to within one file (a quarter of the age): files are dropped whole, between two files
        assertThat(1_700_000_000_000_000_000L + 9_999 * 1_000_000L - oldest.lastNanos)
                .isLessThanOrEqualTo(Duration.ofSeconds(4).toNanos() + ring.segmentNanos())
                .isGreaterThan(Duration.ofSeconds(4).toNanos() - ring.segmentNanos());
    }

    @Test
    void savingCopiesAllOrTheChosenFramesInEitherFormat() throws Exception {
        Spool spool = new Spool(dir.resolve("spool"));
        Files.createDirectories(spool.directory());
        try (SpoolWriter writer = new SpoolWriter(spool, TWO, new RingLimits(128 << 10, null))) {
            for (int i = 0; i < 3000; i++) {
                writer.write(packet(i));
            }
        }
        long kept = spool.totalFrames();
        Path all = dir.resolve("all.pcapng");
        assertThat(SpoolSaver.save(spool, TWO, all, SaveFormat.PCAPNG, null)).isEqualTo(kept);
        assertThat(count(all)).isEqualTo(kept); // several pcapng sections, read by the ordinary reader
        Path some = dir.resolve("some.pcapng");
        assertThat(SpoolSaver.save(spool, TWO, some, SaveFormat.PCAPNG, n -> n % 10 == 0)).isEqualTo(count(some));
        Path pcap = dir.resolve("some.pcap");
        assertThat(SpoolSaver.save(spool, TWO, pcap, SaveFormat.PCAP, n -> n >= 2990)).isEqualTo(11);
        try (FrameSource s = CaptureFiles.open(pcap)) {
            Frame f = s.next();
            assertThat(f.timestampNanos()).isEqualTo(packet(2989).timestampNanos());
            assertThat(f.originalLength()).isEqualTo(packet(2989).originalLength());
        }
        List<SpoolInterface> mixed = List.of(new SpoolInterface("lo", 1, 65535), new SpoolInterface("x", 113, 65535));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                SpoolSaver.save(spool, mixed, dir.resolve("mixed.pcap"), SaveFormat.PCAP, null))
                .hasMessageContaining("save as pcapng");
        assertThat(dir.resolve("mixed.pcap")).doesNotExist();
    }

    private static long count(Path file) throws Exception {
        long n = 0;
        try (FrameSource s = CaptureFiles.open(file)) {
            while (s.next() != null) {
                n++;
            }
            assertThat(s.anomalies()).isEmpty();
        }
        return n;
    }
}
