package dev.parley.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a little-endian pcapng file: one section, one interface per link type met (with if_tsresol = 9, so
 * timestamps keep their nanoseconds), one Enhanced Packet Block per frame. Unlike classic pcap, frames of several
 * link types fit in one file.
 */
final class PcapngWriter implements Closeable {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final int SNAPLEN = 262_144;

    private final OutputStream out;
    private final Map<Integer, Integer> interfaces = new HashMap<>();

    PcapngWriter(OutputStream out) throws IOException {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
        ByteBuffer b = block(SHB, 28);
        b.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L); // section length unknown
        finish(b, 28);
    }

    void write(long timestampNanos, int linkType, byte[] data, int offset, int length, int originalLength)
            throws IOException {
        int id = iface(linkType);
        int padded = (length + 3) & ~3;
        int total = 32 + padded;
        ByteBuffer b = block(EPB, total);
        b.putInt(id).putInt((int) (timestampNanos >>> 32)).putInt((int) timestampNanos).putInt(length)
                .putInt(Math.max(originalLength, length));
        b.put(data, offset, length);
        b.position(b.position() + padded - length);
        finish(b, total);
    }

    private int iface(int linkType) throws IOException {
        Integer id = interfaces.get(linkType);
        if (id != null) {
            return id;
        }
        int total = 20 + 8 + 4; // header + if_tsresol option (4 + 1 padded to 8) + opt_endofopt
        ByteBuffer b = block(IDB, total);
        b.putShort((short) linkType).putShort((short) 0).putInt(SNAPLEN);
        b.putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]); // if_tsresol: 10^-9 s
        b.putShort((short) 0).putShort((short) 0);
        finish(b, total);
        id = interfaces.size();
        interfaces.put(linkType, id);
        return id;
    }

    private static ByteBuffer block(int type, int total) {
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        return b.putInt(type).putInt(total);
    }

    private void finish(ByteBuffer b, int total) throws IOException {
        b.putInt(total);
        out.write(b.array(), 0, total);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
