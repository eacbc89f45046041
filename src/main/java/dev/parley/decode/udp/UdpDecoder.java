package dev.parley.decode.udp;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.FlowCache;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Transport;
import dev.parley.decode.TransportListener;
import dev.parley.decode.ip.IpDecoder;
import dev.parley.decode.ip.PacketContext;

/** UDP datagrams to the listener; GTP-U (port 2152) is decoded as a tunnel instead. */
public final class UdpDecoder {
    private final TransportListener out;
    private final AnomalySink anomalies;
    private final IpDecoder tunnels;
    private final FlowCache flows = new FlowCache();

    public UdpDecoder(TransportListener out, AnomalySink anomalies, IpDecoder tunnels) {
        this.out = out;
        this.anomalies = anomalies;
        this.tunnels = tunnels;
    }

    /**
     * A datagram straight from a captured frame whose IP layer was read in one step (see {@code link.FrameDecoder}):
     * the UDP header at {@code a[at]}, at {@code fileOffset} in the capture, {@code length} (its length field) checked
     * to fit. Hands it on as {@link #decode} would, through {@link TransportListener#datagramInFrame}, and returns
     * true; false, having done nothing, for a GTP-U port, which takes the long way.
     */
    public boolean decodeInFrame(IpAddress src, IpAddress dst, byte[] a, int at, int length, long frame,
                                 long timestampNanos, long fileOffset) {
        int srcPort = Bytes.u16(a, at);
        int dstPort = Bytes.u16(a, at + 2);
        if (srcPort == IpDecoder.GTP_U_PORT || dstPort == IpDecoder.GTP_U_PORT) {
            return false;
        }
        Flow flow = flows.flow(Transport.UDP, src, srcPort, dst, dstPort);
        out.datagramInFrame(flow, a, at + 8, length - 8, frame, timestampNanos, fileOffset + 8);
        return true;
    }

    public void decode(IpAddress src, IpAddress dst, Bytes segment, PacketContext ctx, int depth) {
        if (segment.length() < 8) {
            anomalies.report(Anomaly.warning("udp.header.truncated", ctx.frame(),
                    "UDP header truncated (" + segment.length() + " bytes)"));
            return;
        }
        int srcPort = segment.u16(0);
        int dstPort = segment.u16(2);
        int length = segment.u16(4);
        int end = length;
        if (length > segment.length() || length < 8) {
            anomalies.report(Anomaly.warning("udp.length.invalid", ctx.frame(),
                    "UDP length " + length + " but " + segment.length() + " bytes present"));
            end = segment.length();
        }
        Bytes payload = segment.slice(8, end - 8);
        if ((srcPort == IpDecoder.GTP_U_PORT || dstPort == IpDecoder.GTP_U_PORT)
                && tunnels.decodeGtpU(payload, ctx, depth)) {
            return;
        }
        Flow flow = flows.flow(Transport.UDP, src, srcPort, dst, dstPort);
        out.datagram(flow, payload, ctx.origin(payload), ctx.frame(), ctx.timestampNanos());
    }
}
