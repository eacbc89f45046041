package dev.parley.capture.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the part of a big capture just ahead of the reading thread in the page cache, so that a file not read since
 * the machine started (a capture just copied over, or evicted) is read from disk while the reading thread parses what
 * came before. It reads nothing that is cached already: a window whose pages are all resident
 * ({@link MappedByteBuffer#isLoaded}, a {@code mincore} call on a mapping that is never touched, so it adds nothing to
 * resident memory) is skipped. Why not copy the bytes for the reading thread, as {@link ReadAhead} does for gzip: when
 * the file is cached, which is the usual case, a second thread's copies cost more than the reads they take over (the
 * copies, the other core's cache, and the chunk hand-offs: docs/DESIGN-NOTES.md note 44).
 * Best effort: any failure here only stops the warming.
 */
final class PageCacheWarmer implements Closeable {
    /** The unit checked and read. */
    static final int WINDOW = 8 << 20;
    /** How far ahead of the reading thread the cache is kept warm, in windows. */
    static final int AHEAD = 4;

    private final Path file;
    private final long size;
    private final int window;
    private final Thread thread;
    /** Windows checked so far (for tests). */
    private volatile long checked;
    /** The reading thread's position, in windows; written by it, read here. */
    private volatile long readerWindow;
    private volatile boolean closed;

    PageCacheWarmer(Path file, long size) {
        this(file, size, WINDOW);
    }

    PageCacheWarmer(Path file, long size, int window) {
        this.file = file;
        this.size = size;
        this.window = window;
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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer scratch = ByteBuffer.allocateDirect(1 << 20);
            long next = 0; // the first window not yet checked
            while (!closed && next * window < size) {
                if (next > readerWindow + AHEAD) {
                    LockSupport.park(this);
                    continue;
                }
                long at = next * window;
                long length = Math.min(window, size - at);
                MappedByteBuffer view = channel.map(FileChannel.MapMode.READ_ONLY, at, length);
                if (!view.isLoaded()) {
                    for (long p = at; p < at + length && !closed; ) {
                        scratch.clear();
                        scratch.limit((int) Math.min(scratch.capacity(), at + length - p));
                        int r = channel.read(scratch, p);
                        if (r < 0) {
                            return;
                        }
                        p += r;
                    }
                }
                checked = ++next;
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the reading thread reads what it needs itself
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
