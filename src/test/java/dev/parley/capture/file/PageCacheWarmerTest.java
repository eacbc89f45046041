package dev.parley.capture.file;

import static dev.parley.capture.file.PcapBytes.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big uncompressed capture is read in place with its page cache warmed ({@link PageCacheWarmer}): the frames are
 * those read without the warmer, and the warmer walks the file a few windows ahead of the reader, no further, and
 * stops at the file's end or when closed.
 */
class PageCacheWarmerTest {
    private static final int WINDOW = 4096;

    @TempDir
    Path dir;

    @Test
    void warmedReadingGivesTheFramesReadInPlace() throws Exception {
        Path file = Frames.write(dir, "many.pcap", PcapBytes.unevenRecords(3000, 1400));
        List<String> inPlace = Frames.describeAll(file, CaptureFiles.Reading.IN_PLACE, 4096);
        assertThat(inPlace).hasSize(3002);
        assertThat(Frames.describeAll(file, CaptureFiles.Reading.WARMED, 4096)).isEqualTo(inPlace);
        assertThat(CaptureFiles.Reading.of(false, CaptureFiles.READ_AHEAD_FROM)).isEqualTo(CaptureFiles.Reading.WARMED);
        assertThat(CaptureFiles.Reading.of(false, CaptureFiles.READ_AHEAD_FROM - 1))
                .isEqualTo(CaptureFiles.Reading.IN_PLACE);
        assertThat(CaptureFiles.Reading.of(true, CaptureFiles.READ_AHEAD_FROM / CaptureFiles.GZIP_RATIO))
                .isEqualTo(CaptureFiles.Reading.AHEAD);
    }

    @Test
    void theWarmerStaysAFewWindowsAheadOfTheReaderAndStopsAtTheEnd() throws Exception {
        int windows = PageCacheWarmer.AHEAD + 10;
        long size = (long) windows * WINDOW - 100; // the last window is not full
        Path file = Files.write(dir.resolve("plain.bin"), new byte[(int) size]);
        PageCacheWarmer warmer = new PageCacheWarmer(file, size, WINDOW, true);
        try {
            awaitParkedAt(warmer, PageCacheWarmer.AHEAD + 1); // windows 0 to AHEAD
            warmer.reached(3L * WINDOW + 1);
            awaitParkedAt(warmer, 3 + PageCacheWarmer.AHEAD + 1);
            warmer.reached(size);
            warmer.thread().join(TimeUnit.SECONDS.toMillis(10));
            assertThat(warmer.thread().isAlive()).isFalse();
            assertThat(warmer.windowsChecked()).isEqualTo(windows);
        } finally {
            warmer.close();
        }
    }

    @Test
    void windowsNotResidentAreHandedToTheKernelWhole() throws Exception {
        int windows = PageCacheWarmer.AHEAD + 3;
        long size = (long) windows * WINDOW - 7;
        byte[] bytes = payload(9, (int) size);
        Path file = Files.write(dir.resolve("plain.bin"), bytes);
        PageCacheWarmer warmer = new PageCacheWarmer(file, size, WINDOW, false); // as if nothing were resident
        try {
            warmer.reached(size);
            warmer.thread().join(TimeUnit.SECONDS.toMillis(10));
            assertThat(warmer.thread().isAlive()).isFalse();
            assertThat(warmer.windowsChecked()).isEqualTo(windows); // none failed: /dev/null took every window
            assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        } finally {
            warmer.close();
        }
    }

    @Test
    void closingStopsTheWarmer() throws Exception {
        long size = 40L * WINDOW;
        Path file = Files.write(dir.resolve("plain.bin"), new byte[(int) size]);
        PageCacheWarmer warmer = new PageCacheWarmer(file, size, WINDOW, true);
        awaitParkedAt(warmer, PageCacheWarmer.AHEAD + 1);
        warmer.close();
        warmer.thread().join(TimeUnit.SECONDS.toMillis(10));
        assertThat(warmer.thread().isAlive()).isFalse();
        assertThat(warmer.windowsChecked()).isLessThan(40);
    }

    @Test
    void aFileGoneBeforeTheWarmerStartsOnlyStopsTheWarmer() throws Exception {
        PageCacheWarmer warmer = new PageCacheWarmer(dir.resolve("missing.pcap"), 1 << 20, WINDOW, true);
        warmer.thread().join(TimeUnit.SECONDS.toMillis(10));
        assertThat(warmer.thread().isAlive()).isFalse();
        assertThat(warmer.windowsChecked()).isZero();
    }

    /** Waits until the warmer has checked {@code windows} windows and parked, and checks that it stays there. */
    private static void awaitParkedAt(PageCacheWarmer warmer, long windows) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(warmer.windowsChecked() == windows && warmer.thread().getState() == Thread.State.WAITING)
                && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        Thread.sleep(20);
        assertThat(warmer.windowsChecked()).isEqualTo(windows);
        assertThat(warmer.thread().getState()).isEqualTo(Thread.State.WAITING);
    }
}
