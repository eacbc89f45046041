package dev.parley.decode.ip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Limits;

/**
 * IPv4 and IPv6 (extension headers, fragment reassembly) and the tunnels that carry IP: IP-in-IP, GRE (with
 * transparent Ethernet bridging and ERSPAN II/III) and GTP-U. Transport payloads and tunnelled Ethernet frames go
 * to the {@link IpPayloadHandler}. Tunnel nesting is capped at {@link #MAX_DEPTH} against hostile input.
 */
public final class IpDecoder {
    /** Deepest tunnel nesting decoded; deeper packets are dropped with an anomaly. */
    public static final int MAX_DEPTH = 8;
    /** UDP port of GTP-U. */
    public static final int GTP_U_PORT = 2152;

    private static final int PROTO_HOP_BY_HOP = 0;
    private static final int PROTO_IPIP = 4;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;
    private static final int PROTO_IPV6 = 41;
    private static final int PROTO_ROUTING = 43;
    private static final int PROTO_FRAGMENT = 44;
    private static final int PROTO_GRE = 47;
    private static final int PROTO_AH = 51;
    private static final int PROTO_NONE = 59;
    private static final int PROTO_DEST_OPTS = 60;
    private static final int PROTO_MOBILITY = 135;
    private static final int PROTO_SCTP = 132;
    private static final int MAX_EXTENSION_HEADERS = 16;

    private final AnomalySink anomalies;
    private final IpPayloadHandler handler;
    private final AddressCache addresses = new AddressCache();
    private final FragmentReassembler fragments;
    private final GreDecoder gre;
    private boolean depthReported;

    public IpDecoder(Limits limits, AnomalySink anomalies, IpPayloadHandler handler) {
        this.anomalies = anomalies;
        this.handler = handler;
        this.fragments = new FragmentReassembler(limits, anomalies);
        this.gre = new GreDecoder(this, handler, anomalies);
    }

    /** An IP packet of either version, told apart by its version nibble. */
    public void decode(Bytes packet, PacketContext ctx, int depth) {
        int version = packet.u8(0) >> 4;
        if (version == 4) {
            decodeIpv4(packet, ctx, depth);
        } else if (version == 6) {
            decodeIpv6(packet, ctx, depth);
        } else {
            anomalies.report(Anomaly.warning("ip.version.invalid", ctx.frame(),
                    packet.isEmpty() ? "empty IP packet" : "IP version " + version));
        }
    }

    public void decodeIpv4(Bytes p, PacketContext ctx, int depth) {
        if (!depthOk(ctx, depth)) {
            return;
        }
        int vihl = p.u8(0);
        int ihl = (vihl & 0x0f) * 4;
        if (p.length() < 20 || vihl >> 4 != 4 || ihl < 20 || ihl > p.length()) {
            anomalies.report(Anomaly.warning("ip.header.invalid", ctx.frame(),
                    "IPv4 header unusable (" + p.length() + " bytes, IHL " + ihl + ")"));
            return;
        }
        int total = p.u16(2);
        int len = total;
        if (total > p.length()) {
            anomalies.report(Anomaly.note("ip.length.truncated", ctx.frame(),
                    "IPv4 total length " + total + " but " + p.length() + " bytes captured"));
            len = p.length();
        } else if (total < ihl) {
            // Segmentation offload on the capturing host leaves 0 here: trust the captured bytes.
            anomalies.report(Anomaly.note("ip.length.invalid", ctx.frame(), "IPv4 total length " + total));
            len = p.length();
        }
        IpAddress src = addresses.v4(p, 12);
        IpAddress dst = addresses.v4(p, 16);
        int protocol = p.u8(9);
        int frag = p.u16(6);
        Bytes payload = p.slice(ihl, len - ihl);
        boolean more = (frag & 0x2000) != 0;
        int offset = (frag & 0x1fff) * 8;
        if (more || offset != 0) {
            FragmentReassembler.Reassembled r = fragments.add(
                    new FragmentReassembler.Key(src, dst, p.u16(4), protocol), offset, more, payload, ctx);
            if (r == null) {
                return;
            }
            payload = r.payload();
            ctx = r.ctx();
        }
        dispatch(protocol, src, dst, payload, ctx, depth);
    }

    public void decodeIpv6(Bytes p, PacketContext ctx, int depth) {
        if (!depthOk(ctx, depth)) {
            return;
        }
        if (p.length() < 40 || p.u8(0) >> 4 != 6) {
            anomalies.report(Anomaly.warning("ip.header.invalid", ctx.frame(),
                    "IPv6 header unusable (" + p.length() + " bytes)"));
            return;
        }
        int payloadLength = p.u16(4);
        int len = payloadLength;
        if (payloadLength == 0 || payloadLength > p.length() - 40) {
            if (payloadLength != 0) {
                anomalies.report(Anomaly.note("ip.length.truncated", ctx.frame(),
                        "IPv6 payload length " + payloadLength + " but " + (p.length() - 40) + " bytes captured"));
            }
            len = p.length() - 40;
        }
        IpAddress src = addresses.v6(p, 8);
        IpAddress dst = addresses.v6(p, 24);
        extensionChain(p.u8(6), src, dst, p.slice(40, len), ctx, depth);
    }

    /**
     * The payload of a GTP-U datagram: returns false when it does not look like GTPv1-U (the caller then treats it
     * as an ordinary datagram), true when it was consumed as tunnel traffic.
     */
    public boolean decodeGtpU(Bytes g, PacketContext ctx, int depth) {
        int flags = g.u8(0);
        if (flags < 0 || (flags & 0xf0) != 0x30 || g.length() < 8) {
            return false;
        }
        int type = g.u8(1);
        int length = g.u16(2);
        int end = Math.min(g.length(), 8 + length);
        if (8 + length > g.length()) {
            anomalies.report(Anomaly.note("gtp.length.truncated", ctx.frame(),
                    "GTP-U length " + length + " but " + (g.length() - 8) + " bytes captured"));
        }
        int off = 8;
        if ((flags & 0x07) != 0) {
            int next = g.u8(11);
            off = 12;
            while (next > 0) {
                int units = g.u8(off);
                if (units <= 0 || off + units * 4 > end) {
                    anomalies.report(Anomaly.warning("gtp.extension.invalid", ctx.frame(),
                            "GTP-U extension header unusable at offset " + off));
                    return true;
                }
                off += units * 4;
                next = g.u8(off - 1);
            }
        }
        if (type != 255) {
            return true; // echo, error indication, end marker: signalling of the tunnel itself
        }
        if (off > end) {
            anomalies.report(Anomaly.warning("gtp.header.truncated", ctx.frame(), "GTP-U header truncated"));
            return true;
        }
        decode(g.slice(off, end - off), ctx, depth + 1);
        return true;
    }

    /** The IPv4 address at {@code a[at]}, from the decoder's address cache (4 bytes must be there). */
    public IpAddress ipv4Address(byte[] a, int at) {
        return addresses.v4(a, at);
    }

    /** Gives up fragment sets older than the fragment timeout at capture time {@code nowNanos}. */
    public void expire(long nowNanos) {
        if (fragments.pendingCount() > 0) {
            fragments.expire(nowNanos);
        }
    }

    /** End of capture: incomplete fragment sets become anomalies. */
    public void finish() {
        fragments.finish();
    }

    void dispatch(int protocol, IpAddress src, IpAddress dst, Bytes payload, PacketContext ctx, int depth) {
        switch (protocol) {
            case PROTO_TCP, PROTO_UDP, PROTO_SCTP -> handler.transport(protocol, src, dst, payload, ctx, depth);
            case PROTO_IPIP -> decodeIpv4(payload, ctx, depth + 1);
            case PROTO_IPV6 -> decodeIpv6(payload, ctx, depth + 1);
            case PROTO_GRE -> gre.decode(payload, ctx, depth + 1);
            default -> { } // ICMP, ESP, OSPF...: nothing for the application layers
        }
    }

    private void extensionChain(int next, IpAddress src, IpAddress dst, Bytes data, PacketContext ctx, int depth) {
        int off = 0;
        boolean fragmented = false;
        for (int i = 0; i < MAX_EXTENSION_HEADERS; i++) {
            int hdrLen;
            switch (next) {
                case PROTO_HOP_BY_HOP, PROTO_ROUTING, PROTO_DEST_OPTS, PROTO_MOBILITY -> hdrLen = (data.u8(off + 1) + 1) * 8;
                case PROTO_AH -> hdrLen = (data.u8(off + 1) + 2) * 4;
                case PROTO_FRAGMENT -> hdrLen = 8;
                case PROTO_NONE -> {
                    return;
                }
                default -> {
                    dispatch(next, src, dst, data.slice(off), ctx, depth);
                    return;
                }
            }
            if (hdrLen <= 0 || off + hdrLen > data.length()) {
                anomalies.report(Anomaly.warning("ipv6.extension.truncated", ctx.frame(),
                        "IPv6 extension header " + next + " truncated"));
                return;
            }
            int following = data.u8(off);
            if (next == PROTO_FRAGMENT) {
                if (fragmented) {
                    anomalies.report(Anomaly.warning("ipv6.fragment.nested", ctx.frame(),
                            "second fragment header in one IPv6 packet"));
                    return;
                }
                fragmented = true;
                int fo = data.u16(off + 2);
                int fragOffset = fo & 0xfff8;
                boolean more = (fo & 1) != 0;
                Bytes payload = data.slice(off + 8);
                if (more || fragOffset != 0) {
                    FragmentReassembler.Reassembled r = fragments.add(
                            new FragmentReassembler.Key(src, dst, data.u32(off + 4), following),
                            fragOffset, more, payload, ctx);
                    if (r == null) {
                        return;
                    }
                    data = r.payload();
                    ctx = r.ctx();
                    off = 0;
                    next = following;
                    continue;
                }
            }
            off += hdrLen;
            next = following;
        }
        anomalies.report(Anomaly.warning("ipv6.extension.too_many", ctx.frame(), "too many IPv6 extension headers"));
    }

    boolean depthOk(PacketContext ctx, int depth) {
        if (depth <= MAX_DEPTH) {
            return true;
        }
        if (!depthReported) {
            depthReported = true;
            anomalies.report(Anomaly.warning("tunnel.depth.exceeded", ctx.frame(),
                    "tunnels nested deeper than " + MAX_DEPTH + ": inner packets dropped"));
        }
        return false;
    }
}
