package dev.parley.decode.link;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.ip.IpDecoder;
import dev.parley.decode.ip.PacketContext;

/** Ethernet II and EtherType dispatch: 802.1Q/QinQ tags (stacked), MPLS, PPPoE sessions, then IPv4/IPv6. */
final class EthernetDecoder {
    static final int TYPE_IPV4 = 0x0800;
    static final int TYPE_IPV6 = 0x86dd;
    private static final int TYPE_VLAN = 0x8100;
    private static final int TYPE_QINQ = 0x88a8;
    private static final int TYPE_QINQ_OLD = 0x9100;
    private static final int TYPE_MPLS = 0x8847;
    private static final int TYPE_MPLS_MULTICAST = 0x8848;
    private static final int TYPE_PPPOE_SESSION = 0x8864;
    private static final int MAX_TAGS = 8;

    private final IpDecoder ip;
    private final AnomalySink anomalies;

    EthernetDecoder(IpDecoder ip, AnomalySink anomalies) {
        this.ip = ip;
        this.anomalies = anomalies;
    }

    void decode(Bytes frame, PacketContext ctx, int depth) {
        if (frame.length() < 14) {
            anomalies.report(Anomaly.warning("link.ethernet.truncated", ctx.frame(),
                    "Ethernet header truncated (" + frame.length() + " bytes)"));
            return;
        }
        etherType(frame.u16(12), frame.slice(14), ctx, depth);
    }

    /** Dispatches {@code payload} by EtherType, peeling VLAN tags, MPLS labels and PPPoE first. */
    void etherType(int type, Bytes payload, PacketContext ctx, int depth) {
        for (int tags = 0; tags <= MAX_TAGS; tags++) {
            switch (type) {
                case TYPE_IPV4 -> {
                    ip.decodeIpv4(payload, ctx, depth);
                    return;
                }
                case TYPE_IPV6 -> {
                    ip.decodeIpv6(payload, ctx, depth);
                    return;
                }
                case TYPE_VLAN, TYPE_QINQ, TYPE_QINQ_OLD -> {
                    type = payload.u16(2);
                    payload = payload.slice(4);
                }
                case TYPE_MPLS, TYPE_MPLS_MULTICAST -> {
                    mpls(payload, ctx, depth);
                    return;
                }
                case TYPE_PPPOE_SESSION -> {
                    int ppp = payload.u16(6);
                    if (ppp == 0x0021) {
                        ip.decodeIpv4(payload.slice(8), ctx, depth);
                    } else if (ppp == 0x0057) {
                        ip.decodeIpv6(payload.slice(8), ctx, depth);
                    }
                    return;
                }
                default -> {
                    if (type < 0) {
                        anomalies.report(Anomaly.warning("link.vlan.truncated", ctx.frame(), "VLAN tag truncated"));
                    }
                    return; // ARP, LLDP, 802.3 lengths...: nothing for us
                }
            }
        }
        anomalies.report(Anomaly.warning("link.vlan.too_many", ctx.frame(), "more than " + MAX_TAGS + " VLAN tags"));
    }

    private void mpls(Bytes payload, PacketContext ctx, int depth) {
        int off = 0;
        for (int labels = 0; labels < 16; labels++) {
            long entry = payload.u32(off);
            if (entry < 0) {
                anomalies.report(Anomaly.warning("link.mpls.truncated", ctx.frame(), "MPLS label stack truncated"));
                return;
            }
            off += 4;
            if ((entry & 0x100) != 0) { // bottom of stack: IP told apart by its version nibble
                int version = payload.u8(off) >> 4;
                if (version == 4 || version == 6) {
                    ip.decode(payload.slice(off), ctx, depth);
                }
                return;
            }
        }
    }
}
