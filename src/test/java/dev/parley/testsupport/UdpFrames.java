package dev.parley.testsupport;

/**
 * Builds Ethernet II + IPv4 + UDP frames as raw bytes for tests and synthetic captures. The IPv4 header has no
 * options, DF set, TTL 64, a correct total length and header checksum; the UDP checksum is 0 (allowed over IPv4).
 * MAC addresses are derived from the IPv4 addresses (02:00:a.b.c.d), which keeps frames deterministic.
 */
public final class UdpFrames {
    /** pcap link type of the frames built here. */
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int ETHERNET_HEADER = 14;
    public static final int IPV4_HEADER = 20;
    public static final int UDP_HEADER = 8;
    public static final int HEADERS = ETHERNET_HEADER + IPV4_HEADER + UDP_HEADER;
    /** Largest payload that fits a 1500-byte MTU without fragmentation. */
    public static final int MAX_PAYLOAD = 1500 - IPV4_HEADER - UDP_HEADER;

    private UdpFrames() {
    }

    /** The address a.b.c.d as a big-endian int. */
    public static int ipv4(int a, int b, int c, int d) {
        return (a & 0xff) << 24 | (b & 0xff) << 16 | (c & 0xff) << 8 | (d & 0xff);
    }

    /** Dotted-quad text of an address made by {@link #ipv4}. */
    public static String ipv4Text(int ip) {
        return (ip >>> 24) + "." + (ip >>> 16 & 0xff) + "." + (ip >>> 8 & 0xff) + "." + (ip & 0xff);
    }

    /** A whole frame carrying {@code payload} in one UDP datagram; the payload must fit {@link #MAX_PAYLOAD}. */
    public static byte[] frame(int srcIp, int srcPort, int dstIp, int dstPort, int ipId, byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes needs IP fragmentation");
        }
        byte[] f = new byte[HEADERS + payload.length];
        mac(f, 0, dstIp);
        mac(f, 6, srcIp);
        f[12] = 0x08; // EtherType IPv4
        f[13] = 0x00;
        int ip = ETHERNET_HEADER;
        int totalLength = IPV4_HEADER + UDP_HEADER + payload.length;
        f[ip] = 0x45;
        putU16(f, ip + 2, totalLength);
        putU16(f, ip + 4, ipId);
        f[ip + 6] = 0x40; // DF
        f[ip + 8] = 64; // TTL
        f[ip + 9] = 17; // UDP
        putU32(f, ip + 12, srcIp);
        putU32(f, ip + 16, dstIp);
        putU16(f, ip + 10, ipv4Checksum(f, ip, IPV4_HEADER));
        int udp = ip + IPV4_HEADER;
        putU16(f, udp, srcPort);
        putU16(f, udp + 2, dstPort);
        putU16(f, udp + 4, UDP_HEADER + payload.length);
        System.arraycopy(payload, 0, f, HEADERS, payload.length);
        return f;
    }

    /**
     * Internet checksum (RFC 1071) over {@code length} bytes. Computing it over a header whose checksum field is
     * filled in gives 0 when the header is valid.
     */
    public static int ipv4Checksum(byte[] b, int offset, int length) {
        int sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += (b[offset + i] & 0xff) << 8 | (b[offset + i + 1] & 0xff);
        }
        if ((length & 1) != 0) {
            sum += (b[offset + length - 1] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    private static void mac(byte[] f, int at, int ip) {
        f[at] = 0x02;
        f[at + 1] = 0x00;
        putU32(f, at + 2, ip);
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void putU32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
