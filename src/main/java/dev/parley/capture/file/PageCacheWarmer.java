package dev.parley.capture.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the part of a big capture just ahead of the reading thread in the page cache, so that bytes not in it (a
 * capture just copied over, or evicted: on the benchmark machine the kernel reclaims a file's cached pages within
 * seconds of their last read) come from the disk while the reading thread parses what came before. A window whose
 * pages are all resident is skipped ({@link MappedByteBuffer#isLoaded}: {@code mincore} on a mapping that is never
 * touched, so resident memory does not grow); any other is handed to {@code /dev/null} with
 * {@link FileChannel#transferTo} ({@code sendfile}): the kernel reads what is missing and copies nothing, where reading
 * it into a buffer cost this thread several times the CPU (docs/DESIGN-NOTES.md note 44). Why not copy the bytes for
 * the reading thread, as {@link ReadAhead} does for gzip: a second thread's copies cost more than the read system calls
 * they take over. Best effort: any failure here only stops the warming.
 */
final class PageCacheWarmer implements Closeable {
    /** The unit checked and handed to the kernel. */
    static final int WINDOW = 8 << 20;
    /** How far ahead of the reading thread the cache is kept warm, in windows. */
    static final int AHEAD = 4;

    private final Path file;
    private final long size;
    private final int window;
    /** False in tests only: every window is handed to the kernel, resident or not. */
    private final boolean skipResident;
    private final Thread thread;
    /** Windows checked so far (for tests). */
    private volatile long checked;
    /** The reading thread's position, in windows; written by it, read here. */
    private volatile long readerWindow;
    private volatile boolean closed;

    PageCacheWarmer(Path file, long size) {
        this(file, size, WINDOW, true);
    }

    PageCacheWarmer(Path file, long size, int window, boolean skipResident) {
        this.file = file;
        this.size = size;
        this.window = window;
        this.skipResident = skipResident;
        thread = new Thread(this::run, "parley-page-cache");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by the reading thread as it reads: wakes this one when it enters a new window. */
    void reached(long position) {
        long w = position / window;
        if (w != readerWindow) {
            readerWindow = w;
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel sink = FileChannel.open(Path.of("/dev/null"), StandardOpenOption.WRITE)) {
            long next = 0; // the first window not yet checked
            while (!closed && next * window < size) {
                if (next > readerWindow + AHEAD) {
                    LockSupport.park(this);
                    continue;
                }
                long at = next * window;
                long length = Math.min(window, size - at);
                if (!(skipResident && channel.map(FileChannel.MapMode.READ_ONLY, at, length).isLoaded())) {
                    for (long p = at; p < at + length && !closed; ) {
                        long r = channel.transferTo(p, at + length - p, sink);
                        if (r <= 0) {
                            return; // the file shrank: nothing more to warm
                        }
                        p += r;
                    }
                }
                checked = ++next;
            }
        } catch (IOException | RuntimeException e) {
            // best effort (no /dev/null, say): the reading thread reads what it needs itself
        }
    }

    long windowsChecked() {
        return checked;
    }

    Thread thread() {
        return thread;
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
