package dev.parley.capture.file;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a classic little-endian pcap file with nanosecond timestamps (magic a1b23c4d), the format tcpdump and
 * Wireshark read everywhere. Used by exports and by the synthetic capture generator.
 */
public final class PcapWriter implements Closeable {
    private final OutputStream out;
    private final int snaplen;
    private final ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);

    public PcapWriter(OutputStream out, int linkType, int snaplen) throws IOException {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
        this.snaplen = snaplen;
        ByteBuffer global = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        global.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(snaplen).putInt(linkType);
        this.out.write(global.array());
    }

    /** Writes one record; bytes beyond the snaplen are cut, the original length is kept. */
    public void write(long timestampNanos, byte[] data, int offset, int length, int originalLength) throws IOException {
        int captured = Math.min(length, snaplen);
        header.clear();
        header.putInt((int) (timestampNanos / 1_000_000_000L)).putInt((int) (timestampNanos % 1_000_000_000L))
                .putInt(captured).putInt(Math.max(originalLength, captured));
        out.write(header.array());
        out.write(data, offset, captured);
    }

    public void write(long timestampNanos, byte[] data) throws IOException {
        write(timestampNanos, data, 0, data.length, data.length);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
