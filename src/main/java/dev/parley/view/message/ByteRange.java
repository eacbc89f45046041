package dev.parley.view.message;

/** A range of message bytes to highlight; {@link #NONE} when nothing is selected. */
public record ByteRange(int offset, int length) {
    public static final ByteRange NONE = new ByteRange(-1, 0);

    public boolean isEmpty() {
        return offset < 0 || length <= 0;
    }

    public int end() {
        return offset + length;
    }

    public boolean contains(int position) {
        return !isEmpty() && position >= offset && position < offset + length;
    }
}
