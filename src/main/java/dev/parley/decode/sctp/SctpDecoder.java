package dev.parley.decode.sctp;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.Transport;
import dev.parley.decode.TransportListener;
import dev.parley.decode.ip.PacketContext;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * SCTP packets: the user data of each DATA chunk goes to the listener as a datagram. User messages split over several
 * chunks are rebuilt when their TSNs follow one another; anything less simple is reported as "sctp.fragmented".
 */
public final class SctpDecoder {
    private static final int CHUNK_DATA = 0;
    private static final int FLAG_END = 0x01;
    private static final int FLAG_BEGIN = 0x02;

    private record StreamKey(Flow flow, int stream) { }

    /** A user message being rebuilt from fragments of one stream. */
    private static final class Partial {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Origin.Builder origin = new Origin.Builder();
        long nextTsn;
    }

    private final Limits limits;
    private final TransportListener out;
    private final AnomalySink anomalies;
    private final Map<StreamKey, Partial> partials = new HashMap<>();

    public SctpDecoder(Limits limits, TransportListener out, AnomalySink anomalies) {
        this.limits = limits;
        this.out = out;
        this.anomalies = anomalies;
    }

    public void decode(IpAddress src, IpAddress dst, Bytes packet, PacketContext ctx) {
        if (packet.length() < 12) {
            anomalies.report(Anomaly.warning("sctp.header.truncated", ctx.frame(), "SCTP common header truncated"));
            return;
        }
        Flow flow = null;
        int off = 12;
        while (off + 4 <= packet.length()) {
            int type = packet.u8(off);
            int flags = packet.u8(off + 1);
            int length = packet.u16(off + 2);
            if (length < 4) {
                anomalies.report(Anomaly.warning("sctp.chunk.invalid", ctx.frame(), "SCTP chunk length " + length));
                return;
            }
            if (off + length > packet.length()) {
                anomalies.report(Anomaly.note("sctp.chunk.truncated", ctx.frame(),
                        "SCTP chunk of " + length + " bytes, " + (packet.length() - off) + " captured"));
                return;
            }
            if (type == CHUNK_DATA) {
                if (length < 16) {
                    anomalies.report(Anomaly.warning("sctp.chunk.invalid", ctx.frame(), "SCTP DATA chunk too short"));
                } else {
                    if (flow == null) {
                        flow = new Flow(Transport.SCTP, new Endpoint(src, packet.u16(0)),
                                new Endpoint(dst, packet.u16(2)));
                    }
                    data(flow, flags, packet.u32(off + 4), packet.u16(off + 8), packet.slice(off + 16, length - 16), ctx);
                }
            }
            off += (length + 3) & ~3; // chunks are padded to 4 bytes
        }
    }

    private void data(Flow flow, int flags, long tsn, int stream, Bytes userData, PacketContext ctx) {
        boolean begin = (flags & FLAG_BEGIN) != 0;
        boolean end = (flags & FLAG_END) != 0;
        if (begin && end) {
            out.datagram(flow, userData, ctx.origin(userData), ctx.frame(), ctx.timestampNanos());
            return;
        }
        StreamKey key = new StreamKey(flow, stream);
        Partial partial = partials.get(key);
        if (begin) {
            if (partial != null) {
                fragmented(ctx, "user message restarted before its last fragment");
            }
            partial = new Partial();
            partials.put(key, partial);
        } else if (partial == null || partial.nextTsn != tsn) {
            if (partial != null) {
                partials.remove(key);
            }
            fragmented(ctx, "fragment with TSN " + tsn + " out of sequence");
            return;
        }
        if (partial.bytes.size() + userData.length() > limits.maxMessageSize()) {
            partials.remove(key);
            fragmented(ctx, "fragmented user message larger than " + limits.maxMessageSize() + " bytes");
            return;
        }
        partial.bytes.write(userData.array(), userData.offset(), userData.length());
        ctx.addOrigin(partial.origin, userData);
        partial.nextTsn = (tsn + 1) & 0xffffffffL;
        if (end) {
            partials.remove(key);
            out.datagram(flow, Bytes.of(partial.bytes.toByteArray()), partial.origin.build(), ctx.frame(),
                    ctx.timestampNanos());
        }
    }

    private void fragmented(PacketContext ctx, String message) {
        anomalies.report(Anomaly.warning("sctp.fragmented", ctx.frame(), message));
    }
}
