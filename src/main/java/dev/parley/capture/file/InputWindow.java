package dev.parley.capture.file;

import java.io.IOException;

/**
 * One reusable buffer sliding over a {@link ByteInput}: readers parse records in place and hand out slices of it,
 * valid until the next {@link #ensure}. Nothing is memory-mapped, so resident memory stays at the buffer size
 * however large the capture is. The buffer grows only for a record larger than itself, up to {@link #MAX_CAPACITY}.
 */
final class InputWindow {
    static final int DEFAULT_CAPACITY = 4 << 20;
    /** Largest record or block accepted (256 MiB) plus room for the header that follows it. */
    static final int MAX_RECORD = 256 << 20;
    static final int MAX_CAPACITY = MAX_RECORD + 64;

    private final ByteInput input;
    private byte[] buf;
    private int pos;
    private int limit;
    private long base;
    private boolean eof;

    InputWindow(ByteInput input, int capacity) {
        this.input = input;
        this.buf = new byte[capacity];
    }

    /** Makes {@code n} bytes available from {@link #pos()}; false when the input ends first. */
    boolean ensure(int n) throws IOException {
        return limit - pos >= n || fill(n);
    }

    private boolean fill(int n) throws IOException {
        if (n > MAX_CAPACITY) {
            return false; // callers bound their records; this only keeps a mistake from looping
        }
        if (pos + n > buf.length) {
            int keep = limit - pos;
            byte[] target = buf;
            if (n > buf.length) {
                target = new byte[(int) Math.min(MAX_CAPACITY, Math.max(n, 2L * buf.length))];
            }
            System.arraycopy(buf, pos, target, 0, keep);
            buf = target;
            base += pos;
            limit = keep;
            pos = 0;
        }
        while (limit - pos < n && !eof) {
            int r = input.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    /** The buffer; valid indexes are {@code pos() .. pos() + available()}. Re-read after every ensure. */
    byte[] buffer() {
        return buf;
    }

    int pos() {
        return pos;
    }

    int available() {
        return limit - pos;
    }

    void skip(int n) {
        pos += n;
    }

    /** Offset in the (decompressed) stream of buffer index {@code index}. */
    long streamOffset(int index) {
        return base + index;
    }

    /** Offset in the stream of the read position: what has been consumed. */
    long position() {
        return base + pos;
    }

    long size() {
        return input.size();
    }

    void close() throws IOException {
        input.close();
    }
}
