package dev.parley.capture;

import dev.parley.decode.Bytes;

/**
 * One frame's fields, refilled in place by {@link FrameSource#next(FrameView)}: the load loop's frame, one per load
 * instead of a {@link Frame} and its {@link Bytes} per record. The bytes are a range of the reader's buffer, valid until
 * the next read, as a {@link Frame}'s are. {@link #frame()} makes the {@link Frame} for code that takes one, only when
 * it is asked for (docs/DESIGN-NOTES.md note 41).
 */
public final class FrameView {
    private long number;
    private long timestampNanos;
    private int linkType;
    private byte[] array;
    private int offset;
    private int length;
    private int originalLength;
    private long fileOffset;
    /** The frame these fields came from, or the one {@link #frame()} made of them; null until then. */
    private Frame frame;

    /** Sets every field, as {@link Frame}'s components with the data as a range of {@code array}. */
    public void set(long number, long timestampNanos, int linkType, byte[] array, int offset, int length,
                    int originalLength, long fileOffset) {
        this.number = number;
        this.timestampNanos = timestampNanos;
        this.linkType = linkType;
        this.array = array;
        this.offset = offset;
        this.length = length;
        this.originalLength = originalLength;
        this.fileOffset = fileOffset;
        this.frame = null;
    }

    /** Takes the fields of {@code f}, and {@code f} itself for {@link #frame()}. */
    public void set(Frame f) {
        Bytes data = f.data();
        set(f.number(), f.timestampNanos(), f.linkType(), data.array(), data.offset(), data.length(),
                f.originalLength(), f.fileOffset());
        this.frame = f;
    }

    /** The fields as a {@link Frame}, made on the first call after a {@code set}. */
    public Frame frame() {
        if (frame == null) {
            frame = new Frame(number, timestampNanos, linkType, Bytes.of(array, offset, length), originalLength,
                    fileOffset);
        }
        return frame;
    }

    public long number() {
        return number;
    }

    public long timestampNanos() {
        return timestampNanos;
    }

    public int linkType() {
        return linkType;
    }

    /** The buffer that holds the captured bytes, at {@link #offset()} for {@link #length()} bytes. */
    public byte[] array() {
        return array;
    }

    public int offset() {
        return offset;
    }

    /** Captured bytes. */
    public int length() {
        return length;
    }

    public int originalLength() {
        return originalLength;
    }

    public long fileOffset() {
        return fileOffset;
    }
}
