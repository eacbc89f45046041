package dev.parley.decode;

/**
 * The not-yet-framed bytes of one stream direction and where each came from. Framers look at {@link #bytes()} and
 * {@link #consume} whole frames; the origin of a frame is cut from the runs of the bytes it spans. When the buffer is
 * empty, a new chunk is only referenced, not copied: the common case of whole messages per segment copies nothing.
 */
public final class StreamBuffer {
    private byte[] buf = new byte[0];
    private int start;
    private int end;
    private Bytes borrowed; // a caller's chunk used in place while the buffer is empty
    private Origin borrowedOrigin;
    private final Origin.Builder runs = new Origin.Builder();
    private Origin origin; // runs of bytes [start, end), rebuilt lazily
    private long consumedTotal;

    /** Adds the next chunk. A borrowed chunk left over from the previous call is copied first. */
    public void append(Bytes data, Origin dataOrigin) {
        if (data.isEmpty()) {
            return;
        }
        if (isEmpty()) {
            borrowed = data;
            borrowedOrigin = dataOrigin;
            return;
        }
        keepBorrowed();
        ensure(data.length());
        System.arraycopy(data.array(), data.offset(), buf, end, data.length());
        end += data.length();
        appendRuns(dataOrigin);
    }

    /** Call when the caller's chunk is about to become invalid (end of the callback): copies a borrowed chunk. */
    public void keepBorrowed() {
        if (borrowed == null) {
            return;
        }
        Bytes b = borrowed;
        Origin o = borrowedOrigin;
        borrowed = null;
        borrowedOrigin = null;
        start = 0;
        end = 0;
        runs.clear();
        origin = null;
        ensure(b.length());
        System.arraycopy(b.array(), b.offset(), buf, 0, b.length());
        end = b.length();
        appendRuns(o);
    }

    private void appendRuns(Origin o) {
        if (origin != null) {
            runs.clear();
            runs.add(origin);
            origin = null;
        }
        runs.add(o);
    }

    private void ensure(int more) {
        if (end + more <= buf.length) {
            return;
        }
        int live = end - start;
        if (live + more <= buf.length && start > 0) {
            System.arraycopy(buf, start, buf, 0, live);
        } else {
            byte[] nb = new byte[Math.max(buf.length * 2, live + more + 256)];
            System.arraycopy(buf, start, nb, 0, live);
            buf = nb;
        }
        start = 0;
        end = live;
    }

    public boolean isEmpty() {
        return borrowed == null && start == end;
    }

    public int length() {
        return borrowed != null ? borrowed.length() : end - start;
    }

    /** The buffered bytes; valid until the next append, consume or keepBorrowed. */
    public Bytes bytes() {
        return borrowed != null ? borrowed : Bytes.of(buf, start, end - start);
    }

    /** Where the buffered bytes [from, from+len) came from. */
    public Origin origin(int from, int len) {
        if (borrowed != null) {
            return borrowedOrigin.slice(from, len);
        }
        if (origin == null) {
            origin = runs.build();
        }
        return origin.slice(from, len);
    }

    /** Drops the first {@code n} bytes (a framed message, or junk skipped while resynchronising). */
    public void consume(int n) {
        if (n <= 0) {
            return;
        }
        consumedTotal += n;
        if (borrowed != null) {
            Origin rest = borrowedOrigin.slice(n, borrowed.length() - n);
            borrowed = borrowed.slice(n);
            borrowedOrigin = rest;
            if (borrowed.isEmpty()) {
                borrowed = null;
                borrowedOrigin = null;
            }
            return;
        }
        Origin rest = origin(n, end - start - n);
        start += n;
        runs.clear();
        runs.add(rest);
        origin = rest;
        if (start == end) {
            start = 0;
            end = 0;
            runs.clear();
            origin = null;
            if (buf.length > 1 << 20) {
                buf = new byte[0]; // don't keep a huge buffer after one big message
            }
        }
    }

    /** Drops everything (after a gap). */
    public void clear() {
        consumedTotal += length();
        borrowed = null;
        borrowedOrigin = null;
        start = 0;
        end = 0;
        runs.clear();
        origin = null;
    }

    /** Bytes consumed since the stream began: the stream offset of {@link #bytes()}'s first byte. */
    public long streamOffset() {
        return consumedTotal;
    }

    @Override
    public String toString() {
        return "StreamBuffer[" + length() + " bytes" + (borrowed != null ? ", borrowed" : "") + "]";
    }
}
