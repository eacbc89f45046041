package dev.parley.capture.live;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the pcapng blocks the spool and the pcapng export use: a section header, interface descriptions with
 * nanosecond timestamps (if_tsresol 9), enhanced packet blocks. Little-endian, as on the machines we run on.
 */
final class PcapngBlocks {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION = 1;
    static final int ENHANCED_PACKET = 6;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int EPB_OVERHEAD = 32;
    private static final int OPT_SHB_USERAPPL = 4;
    private static final int OPT_IF_NAME = 2;
    private static final int OPT_IF_TSRESOL = 9;

    private PcapngBlocks() {
    }

    static ByteBuffer sectionHeader() {
        byte[] app = "Parley".getBytes(StandardCharsets.UTF_8);
        int len = 28 + 4 + pad(app.length) + 4;
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(SECTION_HEADER).putInt(len).putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0)
                .putLong(-1L);
        option(b, OPT_SHB_USERAPPL, app);
        b.putInt(0).putInt(len);
        return b.flip();
    }

    static ByteBuffer interfaceDescription(SpoolInterface itf) {
        byte[] name = itf.name().getBytes(StandardCharsets.UTF_8);
        int len = 20 + 4 + pad(name.length) + 4 + 4 + 4;
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(INTERFACE_DESCRIPTION).putInt(len).putShort((short) itf.linkType()).putShort((short) 0)
                .putInt(itf.snaplen());
        option(b, OPT_IF_NAME, name);
        option(b, OPT_IF_TSRESOL, new byte[] {9});
        b.putInt(0).putInt(len);
        return b.flip();
    }

    /** Size of the enhanced packet block for {@code captured} bytes. */
    static int packetBlockLength(int captured) {
        return EPB_OVERHEAD + pad(captured);
    }

    /** Appends an enhanced packet block; the caller made room for {@link #packetBlockLength}. */
    static void putPacket(ByteBuffer b, int interfaceId, long nanos, byte[] data, int offset, int captured,
                          int original) {
        int len = packetBlockLength(captured);
        b.putInt(ENHANCED_PACKET).putInt(len).putInt(interfaceId).putInt((int) (nanos >>> 32)).putInt((int) nanos)
                .putInt(captured).putInt(Math.max(original, captured));
        b.put(data, offset, captured);
        for (int i = captured; i < pad(captured); i++) {
            b.put((byte) 0);
        }
        b.putInt(len);
    }

    private static void option(ByteBuffer b, int code, byte[] value) {
        b.putShort((short) code).putShort((short) value.length).put(value);
        for (int i = value.length; i < pad(value.length); i++) {
            b.put((byte) 0);
        }
    }

    static int pad(int n) {
        return (n + 3) & ~3;
    }
}
