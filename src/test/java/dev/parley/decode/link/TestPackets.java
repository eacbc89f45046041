package dev.parley.decode.link;

import dev.parley.capture.Frame;
import dev.parley.decode.Bytes;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Origin;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/** Hand-made packets for the network layer tests, and a record of frames to map origins back to bytes. */
public final class TestPackets {
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;
    public static final int PROTO_GRE = 47;
    public static final int PROTO_SCTP = 132;

    private final Map<Long, Frame> frames = new HashMap<>();
    private long nextNumber = 1;

    /** A frame with the next number, at file offset number * 100000 + 16, timestamp number ms. */
    public Frame frame(int linkType, byte[] data) {
        long n = nextNumber++;
        return frame(n, n * 1_000_000L, linkType, data);
    }

    public Frame frame(long number, long timestampNanos, int linkType, byte[] data) {
        Frame f = new Frame(number, timestampNanos, linkType, Bytes.of(data), data.length, number * 100_000L + 16);
        frames.put(number, f);
        return f;
    }

    /** The bytes an origin designates, read back from the frames made here. */
    public byte[] read(Origin origin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < origin.runCount(); i++) {
            Frame f = frames.get(origin.frame(i));
            if (f == null) {
                throw new AssertionError("origin names unknown frame " + origin.frame(i) + ": " + origin);
            }
            int at = (int) (origin.fileOffset(i) - f.fileOffset());
            if (at < 0 || at + origin.length(i) > f.data().length()) {
                throw new AssertionError("origin run outside frame " + f.number() + ": " + origin);
            }
            out.write(f.data().array(), f.data().offset() + at, origin.length(i));
        }
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static byte[] u16(int v) {
        return bytes(v >> 8, v);
    }

    public static byte[] u32(long v) {
        return bytes((int) (v >> 24), (int) (v >> 16), (int) (v >> 8), (int) v);
    }

    public static byte[] ethernet(int etherType, byte[] payload) {
        return concat(bytes(0, 1, 2, 3, 4, 5, 0, 6, 7, 8, 9, 10), u16(etherType), payload);
    }

    /** A VLAN tag (TCI 100) announcing {@code innerType}; put after the MAC addresses with the tag's own type. */
    public static byte[] vlanTag(int innerType) {
        return concat(u16(100), u16(innerType));
    }

    public static byte[] ipv4(String src, String dst, int protocol, byte[] payload) {
        return ipv4(src, dst, protocol, 0x1234, 0, payload);
    }

    /** IPv4 with {@code flagsOffset} as the raw flags + fragment offset (in 8-byte units) field. */
    public static byte[] ipv4(String src, String dst, int protocol, int id, int flagsOffset, byte[] payload) {
        int total = 20 + payload.length;
        return concat(bytes(0x45, 0), u16(total), u16(id), u16(flagsOffset), bytes(64, protocol, 0, 0),
                IpAddress.parse(src).toArray(), IpAddress.parse(dst).toArray(), payload);
    }

    public static byte[] ipv6(String src, String dst, int nextHeader, byte[] payload) {
        return concat(bytes(0x60, 0, 0, 0), u16(payload.length), bytes(nextHeader, 64),
                IpAddress.parse(src).toArray(), IpAddress.parse(dst).toArray(), payload);
    }

    /** An IPv6 fragment extension header followed by the fragment's bytes. */
    public static byte[] ipv6Fragment(int nextHeader, int offset, boolean more, long id, byte[] fragment) {
        return concat(bytes(nextHeader, 0), u16(offset | (more ? 1 : 0)), u32(id), fragment);
    }

    public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        return concat(u16(srcPort), u16(dstPort), u16(8 + payload.length), u16(0), payload);
    }

    public static byte[] tcp(int srcPort, int dstPort, long seq, int flags, byte[] payload) {
        return concat(u16(srcPort), u16(dstPort), u32(seq), u32(0), bytes(0x50, flags), u16(65535), u16(0), u16(0),
                payload);
    }

    public static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }
}
