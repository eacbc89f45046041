package dev.parley.capture.file;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds pcapng files block by block; each section may use its own byte order. */
final class PcapngBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    PcapngBytes section(ByteOrder sectionOrder) {
        this.order = sectionOrder;
        ByteBuffer body = buffer(16);
        body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        return block(0x0A0D0D0A, body.array());
    }

    /** An interface; {@code tsresol} and {@code tsoffset} are written as options when not null. */
    PcapngBytes iface(int linkType, int snaplen, Integer tsresol, Long tsoffset) {
        ByteBuffer body = buffer(64);
        body.putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        if (tsresol != null) {
            body.putShort((short) 9).putShort((short) 1).put((byte) (int) tsresol).put(new byte[3]);
        }
        if (tsoffset != null) {
            body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
        }
        body.putShort((short) 2).putShort((short) 3).put(new byte[] {'e', 't', 'h', 0}); // if_name, padded
        body.putShort((short) 0).putShort((short) 0);
        return block(1, slice(body));
    }

    PcapngBytes enhanced(int interfaceId, long timestamp, byte[] data, int originalLength) {
        ByteBuffer body = buffer(20 + padded(data.length) + 8);
        body.putInt(interfaceId).putInt((int) (timestamp >>> 32)).putInt((int) timestamp).putInt(data.length)
                .putInt(originalLength).put(data).put(new byte[padded(data.length) - data.length]);
        body.putShort((short) 0).putShort((short) 0); // opt_endofopt
        return block(6, slice(body));
    }

    PcapngBytes obsolete(int interfaceId, long timestamp, byte[] data) {
        ByteBuffer body = buffer(20 + padded(data.length));
        body.putShort((short) interfaceId).putShort((short) 0).putInt((int) (timestamp >>> 32)).putInt((int) timestamp)
                .putInt(data.length).putInt(data.length).put(data).put(new byte[padded(data.length) - data.length]);
        return block(2, slice(body));
    }

    PcapngBytes simple(int originalLength, byte[] data) {
        ByteBuffer body = buffer(4 + padded(data.length));
        body.putInt(originalLength).put(data).put(new byte[padded(data.length) - data.length]);
        return block(3, slice(body));
    }

    /** Any block; the body is padded to 4 bytes. */
    PcapngBytes block(int type, byte[] body) {
        int length = 12 + padded(body.length);
        ByteBuffer block = buffer(length);
        block.putInt(type).putInt(length).put(body).put(new byte[padded(body.length) - body.length]).putInt(length);
        out.writeBytes(block.array());
        return this;
    }

    PcapngBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(order);
    }

    private static byte[] slice(ByteBuffer b) {
        byte[] out = new byte[b.position()];
        System.arraycopy(b.array(), 0, out, 0, out.length);
        return out;
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }
}
