package dev.parley.decode.ip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;

/** GRE (RFC 2784/2890, and the version-1 PPTP layout) carrying IP, bridged Ethernet or ERSPAN mirrors. */
final class GreDecoder {
    private static final int TYPE_IPV4 = 0x0800;
    private static final int TYPE_IPV6 = 0x86dd;
    private static final int TYPE_BRIDGING = 0x6558;
    private static final int TYPE_ERSPAN_2 = 0x88be;
    private static final int TYPE_ERSPAN_3 = 0x22eb;

    private final IpDecoder ip;
    private final IpPayloadHandler handler;
    private final AnomalySink anomalies;

    GreDecoder(IpDecoder ip, IpPayloadHandler handler, AnomalySink anomalies) {
        this.ip = ip;
        this.handler = handler;
        this.anomalies = anomalies;
    }

    void decode(Bytes g, PacketContext ctx, int depth) {
        if (!ip.depthOk(ctx, depth)) {
            return;
        }
        int flags = g.u16(0);
        int type = g.u16(2);
        if (type < 0) {
            anomalies.report(Anomaly.warning("gre.header.truncated", ctx.frame(), "GRE header truncated"));
            return;
        }
        int off = 4;
        if ((flags & 0xc000) != 0) {
            off += 4; // checksum + offset, present when C or R is set
        }
        if ((flags & 0x2000) != 0) {
            off += 4; // key
        }
        boolean sequenced = (flags & 0x1000) != 0;
        if (sequenced) {
            off += 4;
        }
        if ((flags & 0x7) == 1 && (flags & 0x0080) != 0) {
            off += 4; // PPTP acknowledgment number
        }
        if ((flags & 0x4000) != 0) {
            off = skipSourceRoutes(g, off);
        }
        if (off < 0 || off > g.length()) {
            anomalies.report(Anomaly.warning("gre.header.truncated", ctx.frame(), "GRE header truncated"));
            return;
        }
        Bytes inner = g.slice(off);
        switch (type) {
            case TYPE_IPV4 -> ip.decodeIpv4(inner, ctx, depth);
            case TYPE_IPV6 -> ip.decodeIpv6(inner, ctx, depth);
            case TYPE_BRIDGING -> handler.ethernet(inner, ctx, depth);
            // Type I has no ERSPAN header and no GRE sequence number; type II has both.
            case TYPE_ERSPAN_2 -> handler.ethernet(sequenced ? inner.slice(8) : inner, ctx, depth);
            case TYPE_ERSPAN_3 -> erspan3(inner, ctx, depth);
            default -> { } // PPP, keepalives, other payloads: nothing for us
        }
    }

    private void erspan3(Bytes e, PacketContext ctx, int depth) {
        if (e.length() < 12) {
            anomalies.report(Anomaly.warning("erspan.header.truncated", ctx.frame(), "ERSPAN III header truncated"));
            return;
        }
        int headerLength = (e.u8(11) & 1) != 0 ? 20 : 12; // O flag: platform-specific subheader follows
        int frameType = (e.u8(10) >> 2) & 0x1f;
        Bytes inner = e.slice(headerLength);
        if (frameType == 2) {
            ip.decode(inner, ctx, depth);
        } else {
            handler.ethernet(inner, ctx, depth);
        }
    }

    /** Skips the RFC 1701 source route entries; returns -1 when they run off the end. */
    private static int skipSourceRoutes(Bytes g, int off) {
        for (int i = 0; i < 64; i++) {
            int family = g.u16(off);
            int length = g.u8(off + 3);
            if (family < 0 || length < 0) {
                return -1;
            }
            off += 4 + length;
            if (family == 0 && length == 0) {
                return off;
            }
        }
        return -1;
    }
}
