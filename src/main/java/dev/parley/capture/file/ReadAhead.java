package dev.parley.capture.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a {@link ByteInput} ahead of the reading thread, on a thread of its own, into chunk buffers that the
 * {@link InputWindow} takes over whole instead of copying. Used for big gzip captures, where this thread also
 * decompresses, the larger part of reading one (docs/DESIGN-NOTES.md note 34). A big uncompressed capture is read in
 * place instead, its page cache warmed by a {@link PageCacheWarmer}: there the copies on another core cost more than
 * the read system calls they take over (note 44). Each chunk leaves {@link #HEADROOM} bytes free before its data,
 * where the window puts the tail of the previous chunk (a record cut at the chunk's start). A read error reaches the
 * window with the chunk it ends, after the bytes read before it.
 */
final class ReadAhead implements Closeable {
    /** Room before each chunk's data for the start of a record cut by the chunk's start. */
    static final int HEADROOM = 64 << 10;
    /** Chunks read but not yet taken. */
    private static final int DEPTH = 2;

    /**
     * A chunk: its bytes are {@code buffer[HEADROOM, HEADROOM + length)}; {@code end} when the input ended (or
     * failed, then with {@code error}) after them.
     */
    record Chunk(byte[] buffer, int length, boolean end, IOException error) {
    }

    private final ByteInput input;
    private final int chunkSize;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(DEPTH);
    /** Buffers to fill: one per queue slot, one being filled, one in the window's hands. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH + 2);
    private final Thread thread;

    ReadAhead(ByteInput input, int chunkSize) {
        this.input = input;
        this.chunkSize = chunkSize;
        for (int i = 0; i < DEPTH + 2; i++) {
            free.add(new byte[HEADROOM + chunkSize]);
        }
        thread = new Thread(this::run, "parley-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            boolean end = false;
            while (!end) {
                byte[] b = free.take();
                int n = 0;
                IOException error = null;
                try {
                    while (n < chunkSize) {
                        int r = input.read(b, HEADROOM + n, chunkSize - n);
                        if (r < 0) {
                            end = true;
                            break;
                        }
                        n += r;
                    }
                } catch (IOException e) {
                    error = e;
                    end = true;
                }
                full.put(new Chunk(b, n, end, error));
            }
        } catch (InterruptedException e) {
            // closed: nobody takes chunks any more
        }
    }

    /** The next chunk, once read. */
    Chunk next() throws IOException {
        try {
            return full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the capture's next bytes");
        }
    }

    /** Gives a chunk's buffer back to be filled again; the window must not read it any more. */
    void recycle(byte[] buffer) {
        free.offer(buffer);
    }

    /** Stops the reading thread, then closes the input. */
    @Override
    public void close() throws IOException {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        input.close();
    }
}
