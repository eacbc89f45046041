package dev.parley.decode.link;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.capture.FrameView;
import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Limits;
import dev.parley.decode.TransportListener;
import dev.parley.decode.ip.IpDecoder;
import dev.parley.decode.ip.IpPayloadHandler;
import dev.parley.decode.ip.PacketContext;
import dev.parley.decode.sctp.SctpDecoder;
import dev.parley.decode.tcp.TcpReassembler;
import dev.parley.decode.udp.UdpDecoder;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The network layers of one capture: link header by link type, IP (fragments, tunnels), then UDP, TCP (stream
 * reassembly) and SCTP, ending in calls on a {@link TransportListener}. Not thread-safe: one instance per capture.
 */
public final class FrameDecoder {
    private static final int LINKTYPE_NULL = 0;
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_RAW_BSD = 12;
    private static final int LINKTYPE_RAW_OPENBSD = 14;
    private static final int LINKTYPE_RAW = 101;
    private static final int LINKTYPE_LOOP = 108;
    private static final int LINKTYPE_LINUX_SLL = 113;
    private static final int LINKTYPE_IPV4 = 228;
    private static final int LINKTYPE_IPV6 = 229;
    private static final int LINKTYPE_LINUX_SLL2 = 276;

    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;
    private static final int PROTO_SCTP = 132;

    private final AnomalySink anomalies;
    private final IpDecoder ip;
    private final EthernetDecoder ethernet;
    private final UdpDecoder udp;
    private final TcpReassembler tcp;
    private final SctpDecoder sctp;
    private final Set<Integer> unknownLinkTypes = new HashSet<>();
    private boolean nullRawIpReported;
    /** Whether {@link #plainUdp} may take frames: always, but for the test that compares it with the layers. */
    private final boolean oneStepUdp;
    /** Frames {@link #plainUdp} took (for that test). */
    long oneStepFrames;
    /** {@link #decode(Frame)}'s frame as a view, so that both entries take the same path. */
    private final FrameView view = new FrameView();

    public FrameDecoder(Limits limits, TransportListener out, AnomalySink anomalies) {
        this(limits, out, anomalies, true);
    }

    FrameDecoder(Limits limits, TransportListener out, AnomalySink anomalies, boolean oneStepUdp) {
        this.oneStepUdp = oneStepUdp;
        this.anomalies = anomalies;
        this.ip = new IpDecoder(limits, anomalies, new Upward());
        this.ethernet = new EthernetDecoder(ip, anomalies);
        this.udp = new UdpDecoder(out, anomalies, ip);
        this.tcp = new TcpReassembler(limits, out, anomalies);
        this.sctp = new SctpDecoder(limits, out, anomalies);
    }

    public void decode(Frame frame) {
        view.set(frame);
        decode(view);
    }

    /**
     * Decodes the frame in {@code v}. A plain UDP frame is read straight from the reader's buffer ({@link #plainUdp});
     * only the others are made into a {@link Frame} for the layers.
     */
    public void decode(FrameView v) {
        ip.expire(v.timestampNanos());
        if (v.linkType() == LINKTYPE_ETHERNET && oneStepUdp && plainUdp(v)) {
            return;
        }
        decodeLayers(v.frame());
    }

    private void decodeLayers(Frame frame) {
        Bytes data = frame.data();
        PacketContext ctx = PacketContext.direct(frame.number(), frame.timestampNanos(), data, frame.fileOffset());
        switch (frame.linkType()) {
            case LINKTYPE_ETHERNET -> ethernet.decode(data, ctx, 0);
            case LINKTYPE_LINUX_SLL -> {
                if (truncatedLink(data, 16, "Linux cooked", ctx)) {
                    return;
                }
                ethernet.etherType(data.u16(14), data.slice(16), ctx, 0);
            }
            case LINKTYPE_LINUX_SLL2 -> {
                if (truncatedLink(data, 20, "Linux cooked v2", ctx)) {
                    return;
                }
                ethernet.etherType(data.u16(0), data.slice(20), ctx, 0);
            }
            case LINKTYPE_NULL, LINKTYPE_LOOP -> loopback(data, ctx);
            case LINKTYPE_RAW, LINKTYPE_RAW_BSD, LINKTYPE_RAW_OPENBSD -> ip.decode(data, ctx, 0);
            case LINKTYPE_IPV4 -> ip.decodeIpv4(data, ctx, 0);
            case LINKTYPE_IPV6 -> ip.decodeIpv6(data, ctx, 0);
            default -> {
                if (unknownLinkTypes.add(frame.linkType())) {
                    anomalies.report(Anomaly.note("link.type.unsupported", frame.number(),
                            "link type " + frame.linkType() + " is not decoded"));
                }
            }
        }
    }

    /**
     * The usual frame of a VoIP capture, Ethernet II, IPv4 without options, not a fragment, then UDP, with lengths
     * that agree, decoded in one step: what the layers would hand up one by one, without their context and slices
     * per frame (over a quarter of what the reading thread allocated, docs/DESIGN-NOTES.md note 37), and read from
     * the reader's buffer, without a {@link Frame} or any view of it (note 41). Anything else (VLAN tags, options,
     * fragments, lengths to report, tunnels) takes the long way; so does a frame this turns down, untouched.
     */
    private boolean plainUdp(FrameView v) {
        byte[] a = v.array();
        int o = v.offset();
        int n = v.length();
        if (n < 42 || Bytes.u16(a, o + 12) != EthernetDecoder.TYPE_IPV4 || a[o + 14] != 0x45
                || a[o + 23] != PROTO_UDP || (Bytes.u16(a, o + 20) & 0x3fff) != 0) {
            return false;
        }
        int total = Bytes.u16(a, o + 16); // IP total length: the IP layer cuts the frame's padding off with it
        int udpLength = Bytes.u16(a, o + 38);
        if (total < 28 || total > n - 14 || udpLength < 8 || udpLength > total - 20) {
            return false;
        }
        if (!udp.decodeInFrame(ip.ipv4Address(a, o + 26), ip.ipv4Address(a, o + 30), a, o + 34, udpLength,
                v.number(), v.timestampNanos(), v.fileOffset() + 34)) {
            return false;
        }
        oneStepFrames++;
        return true;
    }

    /** Decodes every frame of {@code source}, then {@link #finish}es (the source stays open: the caller closes it). */
    public void decodeAll(FrameSource source) throws IOException {
        FrameView v = new FrameView();
        while (source.next(v)) {
            decode(v);
        }
        finish();
    }

    /** End of capture: incomplete fragment sets and TCP holes become anomalies; buffered TCP data is delivered. */
    public void finish() {
        ip.finish();
        tcp.finish();
    }

    /** BSD NULL/LOOP: a 4-byte address family in either byte order, or (seen in the wild) no header at all. */
    private void loopback(Bytes data, PacketContext ctx) {
        if (looksLikeIpv4(data)) {
            if (!nullRawIpReported) {
                nullRawIpReported = true;
                anomalies.report(Anomaly.note("link.null.raw_ip", ctx.frame(),
                        "NULL/loopback frames start with an IPv4 header and no address family: read as raw IP"));
            }
            ip.decodeIpv4(data, ctx, 0);
            return;
        }
        if (truncatedLink(data, 4, "loopback", ctx)) {
            return;
        }
        long family = data.u32(0);
        if (!isFamily(family)) {
            family = Long.reverseBytes(family) >>> 32;
        }
        if (family == 2) {
            ip.decodeIpv4(data.slice(4), ctx, 0);
        } else if (isFamily(family)) {
            ip.decodeIpv6(data.slice(4), ctx, 0);
        }
    }

    private static boolean isFamily(long family) {
        return family == 2 || family == 24 || family == 28 || family == 30;
    }

    /** An IPv4 header right at the start: version 4, a sane IHL and a total length that fits what was captured. */
    private static boolean looksLikeIpv4(Bytes data) {
        int first = data.u8(0);
        if (first < 0x45 || first > 0x4f) {
            return false;
        }
        int total = data.u16(2);
        return total >= (first & 0x0f) * 4 && total <= data.length();
    }

    private boolean truncatedLink(Bytes data, int headerLength, String what, PacketContext ctx) {
        if (data.length() >= headerLength) {
            return false;
        }
        anomalies.report(Anomaly.warning("link.header.truncated", ctx.frame(),
                what + " header truncated (" + data.length() + " bytes)"));
        return true;
    }

    /** What the IP layer hands up: transport payloads and Ethernet frames found in tunnels. */
    private final class Upward implements IpPayloadHandler {
        @Override
        public void transport(int protocol, IpAddress src, IpAddress dst, Bytes payload, PacketContext ctx, int depth) {
            switch (protocol) {
                case PROTO_UDP -> udp.decode(src, dst, payload, ctx, depth);
                case PROTO_TCP -> tcp.segment(src, dst, payload, ctx);
                case PROTO_SCTP -> sctp.decode(src, dst, payload, ctx);
                default -> { }
            }
        }

        @Override
        public void ethernet(Bytes frame, PacketContext ctx, int depth) {
            ethernet.decode(frame, ctx, depth);
        }
    }
}
