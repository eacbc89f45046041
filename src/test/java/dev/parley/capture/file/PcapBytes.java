package dev.parley.capture.file;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds classic pcap files byte by byte, in either byte order, including deliberately broken records. */
final class PcapBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder recordOrder;

    PcapBytes(ByteOrder order, boolean nano, int linkTypeField, int snaplen) {
        this.recordOrder = order;
        ByteBuffer header = ByteBuffer.allocate(24).order(order);
        header.putInt(nano ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(snaplen).putInt(linkTypeField);
        out.writeBytes(header.array());
    }

    /** Writes the following record headers in another order than the file header. */
    PcapBytes recordOrder(ByteOrder order) {
        this.recordOrder = order;
        return this;
    }

    PcapBytes record(long seconds, long subseconds, byte[] data) {
        return record(seconds, subseconds, data.length, data.length, data);
    }

    /** A record whose header says {@code incl}/{@code orig} whatever {@code data} holds. */
    PcapBytes record(long seconds, long subseconds, int incl, int orig, byte[] data) {
        ByteBuffer header = ByteBuffer.allocate(16).order(recordOrder);
        header.putInt((int) seconds).putInt((int) subseconds).putInt(incl).putInt(orig);
        out.writeBytes(header.array());
        out.writeBytes(data);
        return this;
    }

    PcapBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /**
     * A little-endian nanosecond file of {@code count} records, one a second, of 1 to {@code maxLength} bytes in an
     * uneven pattern, so that records fall across every kind of buffer or chunk boundary.
     */
    static byte[] unevenRecords(int count, int maxLength) {
        PcapBytes pcap = new PcapBytes(ByteOrder.LITTLE_ENDIAN, true, 1, 262_144);
        for (int i = 0; i < count; i++) {
            pcap.record(1_700_000_000L + i, i, payload(i, 1 + 37 * i % maxLength));
        }
        return pcap.bytes();
    }

    /** {@code n} bytes counting up from {@code first}, so every payload is recognisable. */
    static byte[] payload(int first, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }
}
