package dev.parley.decode;

import java.util.Arrays;

/**
 * Where the bytes of a decoded unit (a datagram, a reassembled message) live in the capture: an ordered list of runs
 * (frame number, offset in the capture stream, length). Concatenating the runs gives the unit's bytes, so views can
 * re-read a message on demand instead of keeping it (DESIGN.md decision 2). Units whose bytes are transformed on the
 * wire (masked WebSocket payloads) carry an inline copy instead.
 */
public final class Origin {
    private static final long[] NONE = new long[0];

    /** Triples (frame, fileOffset, length); null for the common single run, held in the three fields below. */
    private final long[] runs;
    private final long frame;
    private final long fileOffset;
    private final int length;
    private final byte[] inline;

    private Origin(long[] runs, byte[] inline) {
        boolean single = runs.length == 3;
        this.runs = single ? null : runs;
        this.frame = single ? runs[0] : 0;
        this.fileOffset = single ? runs[1] : 0;
        this.length = single ? (int) runs[2] : 0;
        this.inline = inline;
    }

    /** A single run: one object, no array (one per datagram on the load's hot path). */
    private Origin(long frame, long fileOffset, int length) {
        this.runs = null;
        this.frame = frame;
        this.fileOffset = fileOffset;
        this.length = length;
        this.inline = null;
    }

    public static Origin of(long frame, long fileOffset, int length) {
        return new Origin(frame, fileOffset, length);
    }

    /** An origin whose bytes are kept here (the run list still says which frames carried them). */
    public static Origin inline(byte[] bytes, Origin frames) {
        return new Origin(frames == null ? NONE : frames.runArray(), bytes.clone());
    }

    private long[] runArray() {
        return runs != null ? runs : new long[] {frame, fileOffset, length};
    }

    /**
     * The file offset of the bytes when they are one run of {@code completingFrame} itself, read from the file as they
     * are (what a message row keeps as two numbers instead of this object), else -1.
     */
    public long singleRunOffset(long completingFrame) {
        return runCount() == 1 && frame(0) == completingFrame && inline == null && fileOffset(0) >= 0
                ? fileOffset(0) : -1;
    }

    public int runCount() {
        return runs == null ? 1 : runs.length / 3;
    }

    public long frame(int run) {
        return runs == null ? single(run, frame) : runs[3 * run];
    }

    public long fileOffset(int run) {
        return runs == null ? single(run, fileOffset) : runs[3 * run + 1];
    }

    public int length(int run) {
        return runs == null ? (int) single(run, length) : (int) runs[3 * run + 2];
    }

    private static long single(int run, long value) {
        if (run != 0) {
            throw new IndexOutOfBoundsException("run " + run + " of 1");
        }
        return value;
    }

    public long firstFrame() {
        return runs == null ? frame : runs.length == 0 ? 0 : runs[0];
    }

    public long lastFrame() {
        return runs == null ? frame : runs.length == 0 ? 0 : runs[runs.length - 3];
    }

    /** Distinct frame numbers, in order: every frame that carried part of the unit (for export of a call). */
    public long[] frames() {
        return java.util.stream.IntStream.range(0, runCount()).mapToLong(this::frame).distinct().toArray();
    }

    public int totalLength() {
        if (inline != null) {
            return inline.length;
        }
        if (runs == null) {
            return length;
        }
        long sum = 0;
        for (int i = 2; i < runs.length; i += 3) {
            sum += runs[i];
        }
        return (int) sum;
    }

    /** The kept bytes, or null when the bytes must be re-read from the capture. */
    public byte[] inlineBytes() {
        return inline == null ? null : inline.clone();
    }

    /** The part of this origin covering bytes [from, from+len) of the unit. */
    public Origin slice(int from, int len) {
        Builder b = new Builder();
        int pos = 0;
        for (int i = 0; i < runCount() && len > 0; i++) {
            int runLen = length(i);
            if (from < pos + runLen) {
                int skip = Math.max(0, from - pos);
                int take = Math.min(runLen - skip, len);
                b.add(frame(i), fileOffset(i) + skip, take);
                len -= take;
                from += take;
            }
            pos += runLen;
        }
        return b.build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Origin[");
        for (int i = 0; i < runCount(); i++) {
            sb.append(i == 0 ? "" : ", ").append('#').append(frame(i)).append('@').append(fileOffset(i))
                    .append('+').append(length(i));
        }
        return sb.append(inline != null ? ", inline]" : "]").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Origin other && Arrays.equals(runArray(), other.runArray())
                && Arrays.equals(inline, other.inline);
    }

    @Override
    public int hashCode() {
        return runs != null ? Arrays.hashCode(runs) : Long.hashCode(frame * 31 + fileOffset) * 31 + length;
    }

    /** Accumulates runs; adjacent runs of the same frame are merged. */
    public static final class Builder {
        private long[] runs = new long[6];
        private int size;

        public Builder add(long frame, long fileOffset, int length) {
            if (length <= 0) {
                return this;
            }
            if (size >= 3 && runs[size - 3] == frame && runs[size - 2] + runs[size - 1] == fileOffset) {
                runs[size - 1] += length;
                return this;
            }
            if (size + 3 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            runs[size++] = frame;
            runs[size++] = fileOffset;
            runs[size++] = length;
            return this;
        }

        public Builder add(Origin origin) {
            for (int i = 0; i < origin.runCount(); i++) {
                add(origin.frame(i), origin.fileOffset(i), origin.length(i));
            }
            return this;
        }

        public Builder clear() {
            size = 0;
            return this;
        }

        public Origin build() {
            return size == 3 ? new Origin(runs[0], runs[1], (int) runs[2]) : new Origin(Arrays.copyOf(runs, size), null);
        }
    }
}
