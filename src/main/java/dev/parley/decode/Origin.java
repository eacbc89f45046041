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

    private final long[] runs; // triples: frame, fileOffset, length
    private final byte[] inline;

    private Origin(long[] runs, byte[] inline) {
        this.runs = runs;
        this.inline = inline;
    }

    public static Origin of(long frame, long fileOffset, int length) {
        return new Origin(new long[] {frame, fileOffset, length}, null);
    }

    /** An origin whose bytes are kept here (the run list still says which frames carried them). */
    public static Origin inline(byte[] bytes, Origin frames) {
        return new Origin(frames == null ? NONE : frames.runs, bytes.clone());
    }

    public int runCount() {
        return runs.length / 3;
    }

    public long frame(int run) {
        return runs[3 * run];
    }

    public long fileOffset(int run) {
        return runs[3 * run + 1];
    }

    public int length(int run) {
        return (int) runs[3 * run + 2];
    }

    public long firstFrame() {
        return runs.length == 0 ? 0 : runs[0];
    }

    public long lastFrame() {
        return runs.length == 0 ? 0 : runs[runs.length - 3];
    }

    /** Distinct frame numbers, in order: every frame that carried part of the unit (for export of a call). */
    public long[] frames() {
        return java.util.stream.IntStream.range(0, runCount()).mapToLong(this::frame).distinct().toArray();
    }

    public int totalLength() {
        if (inline != null) {
            return inline.length;
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
        return o instanceof Origin other && Arrays.equals(runs, other.runs) && Arrays.equals(inline, other.inline);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(runs);
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
            return new Origin(Arrays.copyOf(runs, size), null);
        }
    }
}
