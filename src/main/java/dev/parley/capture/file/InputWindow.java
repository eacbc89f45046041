package dev.parley.capture.file;

import java.io.IOException;

/**
 * One reusable buffer sliding over a {@link ByteInput}: readers parse records in place and hand out slices of it,
 * valid until the next {@link #ensure}. Nothing is memory-mapped, so resident memory stays at the buffer size
 * however large the capture is. The buffer grows only for a record larger than itself, up to {@link #MAX_CAPACITY}.
 * With a {@link ReadAhead} the window moves from chunk to chunk as the other thread fills them: the bytes not yet
 * consumed go into the next chunk's headroom, and the buffer given up goes back to be filled again.
 */
final class InputWindow {
    /**
     * Small enough for what the reading thread reads into it to still be in its core's cache when it parses it: 4 MiB
     * built the synthetic capture's model about 4 % slower (docs/DESIGN-NOTES.md note 44).
     */
    static final int DEFAULT_CAPACITY = 256 << 10;
    /** Largest record or block accepted (256 MiB) plus room for the header that follows it. */
    static final int MAX_RECORD = 256 << 20;
    static final int MAX_CAPACITY = MAX_RECORD + 64;

    private final ByteInput input;
    /** Null: the window reads into its own buffer. */
    private final ReadAhead ahead;
    private byte[] buf;
    /** {@link #buf} is a chunk of {@link #ahead}'s, to be given back when the window moves on. */
    private boolean chunk;
    private int pos;
    private int limit;
    private long base;
    private boolean eof;
    /** A read error after the bytes in the buffer: thrown when more are needed. */
    private IOException failure;
    /** Runs on the reading thread once the read-ahead's input has ended (null: nothing to do). */
    private Runnable atEnd;

    InputWindow(ByteInput input, int capacity) {
        this.input = input;
        this.ahead = null;
        this.buf = new byte[capacity];
    }

    /**
     * A window over the chunks that {@code ahead} reads from {@code input}; {@code atEnd} (or null) runs on the
     * reading thread when the window reaches the input's end, after the last bytes: what the input found on the
     * read-ahead's thread (a cut gzip stream) is reported there, in its place among the readers' anomalies.
     */
    InputWindow(ByteInput input, ReadAhead ahead, Runnable atEnd) {
        this.input = input;
        this.ahead = ahead;
        this.atEnd = atEnd;
        this.buf = new byte[0];
    }

    /** Makes {@code n} bytes available from {@link #pos()}; false when the input ends first. */
    boolean ensure(int n) throws IOException {
        return limit - pos >= n || fill(n);
    }

    private boolean fill(int n) throws IOException {
        if (n > MAX_CAPACITY) {
            return false; // callers bound their records; this only keeps a mistake from looping
        }
        if (ahead != null) {
            return fillAhead(n);
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

    /** {@link #fill} from the read-ahead's chunks. */
    private boolean fillAhead(int n) throws IOException {
        while (limit - pos < n && !eof) {
            ReadAhead.Chunk next = ahead.next();
            int keep = limit - pos;
            if (keep <= ReadAhead.HEADROOM) {
                // the usual case: the rest of this chunk (a record's start, if anything) goes before the next one
                int start = ReadAhead.HEADROOM - keep;
                System.arraycopy(buf, pos, next.buffer(), start, keep);
                moveTo(next.buffer(), true, start, ReadAhead.HEADROOM + next.length());
            } else {
                // a record longer than the headroom: gathered in a buffer of its own, grown by doubling
                byte[] target = buf;
                if (chunk || pos + keep + next.length() > buf.length) {
                    target = new byte[Math.max(keep + next.length(), (int) Math.min(MAX_CAPACITY,
                            Math.max(n, 2L * keep)))];
                    System.arraycopy(buf, pos, target, 0, keep);
                    moveTo(target, false, 0, keep);
                }
                System.arraycopy(next.buffer(), ReadAhead.HEADROOM, buf, limit, next.length());
                limit += next.length();
                ahead.recycle(next.buffer());
            }
            eof = next.end();
            failure = next.error();
            if (eof && atEnd != null) {
                atEnd.run();
                atEnd = null;
            }
        }
        if (limit - pos < n && failure != null) {
            IOException e = failure;
            failure = null;
            throw e;
        }
        return limit - pos >= n;
    }

    /** Makes {@code target} the buffer, its bytes [start, end) those from {@link #position()} on. */
    private void moveTo(byte[] target, boolean isChunk, int start, int end) {
        base += pos - start;
        if (chunk) {
            ahead.recycle(buf);
        }
        buf = target;
        chunk = isChunk;
        pos = start;
        limit = end;
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
        if (ahead != null) {
            ahead.close(); // closes the input once its thread has stopped
        } else {
            input.close();
        }
    }
}
