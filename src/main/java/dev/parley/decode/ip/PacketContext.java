package dev.parley.decode.ip;

import dev.parley.decode.Bytes;
import dev.parley.decode.Origin;

/**
 * The frame a packet came in and how to map any slice of its bytes back to the capture. Bytes straight from a frame
 * map by arithmetic (file offset of the array start + index); bytes rebuilt from IP fragments carry the origin of the
 * rebuilt buffer, and slices of it are cut from that origin.
 */
public final class PacketContext {
    private final long frame;
    private final long timestampNanos;
    private final byte[] array;
    private final long base;        // capture offset of array[0] for direct bytes
    private final Origin rebuilt;   // origin of array[rebuiltStart..] for rebuilt bytes, else null
    private final int rebuiltStart;

    private PacketContext(long frame, long timestampNanos, byte[] array, long base, Origin rebuilt, int rebuiltStart) {
        this.frame = frame;
        this.timestampNanos = timestampNanos;
        this.array = array;
        this.base = base;
        this.rebuilt = rebuilt;
        this.rebuiltStart = rebuiltStart;
    }

    /** Bytes of a captured frame: {@code data} is the frame's data, found at {@code fileOffset} in the capture. */
    public static PacketContext direct(long frame, long timestampNanos, Bytes data, long fileOffset) {
        return new PacketContext(frame, timestampNanos, data.array(), fileOffset - data.offset(), null, 0);
    }

    /** Bytes rebuilt in {@code buffer} whose capture runs are {@code origin}. */
    public static PacketContext rebuilt(long frame, long timestampNanos, Bytes buffer, Origin origin) {
        return new PacketContext(frame, timestampNanos, buffer.array(), 0, origin, buffer.offset());
    }

    public long frame() {
        return frame;
    }

    public long timestampNanos() {
        return timestampNanos;
    }

    /** Where {@code slice} (a view of this packet's bytes) lives in the capture. */
    public Origin origin(Bytes slice) {
        if (rebuilt == null) {
            return Origin.of(frame, slice.array() == array ? base + slice.offset() : -1, slice.length());
        }
        return rebuilt.slice(slice.offset() - rebuiltStart, slice.length());
    }

    /** Adds the runs of {@code slice} to {@code builder} without building an intermediate origin when direct. */
    public void addOrigin(Origin.Builder builder, Bytes slice) {
        if (rebuilt == null) {
            builder.add(frame, slice.array() == array ? base + slice.offset() : -1, slice.length());
        } else {
            builder.add(rebuilt.slice(slice.offset() - rebuiltStart, slice.length()));
        }
    }
}
