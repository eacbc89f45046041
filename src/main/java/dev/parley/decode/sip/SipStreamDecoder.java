package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.Framing;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.ProtocolPlugin;
import dev.parley.decode.StreamBuffer;

/**
 * One direction of a SIP stream (TCP, reassembled below): frames messages by Content-Length with {@link SipFramer}
 * and hands each whole message to the protocol. On bytes that are not SIP, or after a gap, it skips to the next
 * line that starts a SIP message and reports what it skipped.
 */
final class SipStreamDecoder implements ProtocolPlugin.StreamDecoder {
    private final SipProtocol protocol;
    private final Flow flow;
    private final AnomalySink anomalies;
    private final StreamBuffer buffer = new StreamBuffer();
    private final SipFramer framer;

    SipStreamDecoder(SipProtocol protocol, Flow flow, Limits limits, AnomalySink anomalies) {
        this.protocol = protocol;
        this.flow = flow;
        this.anomalies = anomalies;
        this.framer = new SipFramer(limits, anomalies);
    }

    @Override
    public void data(Bytes data, Origin origin, long frame, long timestampNanos) {
        buffer.append(data, origin);
        while (!buffer.isEmpty()) {
            Bytes b = buffer.bytes();
            Framing<Integer> f = framer.frame(b, frame);
            if (f instanceof Framing.Decoded<Integer> d) {
                int len = d.value();
                if (len > 0) {
                    protocol.emit(flow, b.slice(0, len), buffer.origin(0, len), frame, timestampNanos);
                }
                buffer.consume(d.consumed());
            } else if (f instanceof Framing.NotMine<Integer> n) {
                resync(b, n.reason(), frame);
            } else {
                break;
            }
        }
        buffer.keepBorrowed();
    }

    /** Skips to the next SIP start line in the buffer, or drops the buffer when there is none yet. */
    private void resync(Bytes b, String reason, long frame) {
        int at = SipFramer.resyncPoint(b);
        // Without a start line yet, keep the last partial line: the next segment may complete "INVITE sip:...".
        int skipped = at >= 0 ? at : lastLineStart(b);
        if (skipped == 0) {
            skipped = b.length();
        }
        anomalies.report(Anomaly.warning("sip.stream.resync", frame,
                "skipped " + skipped + " bytes that are not SIP on " + flow + " (" + reason + ")"));
        buffer.consume(skipped);
    }

    private static int lastLineStart(Bytes b) {
        for (int i = b.length() - 1; i >= 0; i--) {
            if (b.u8(i) == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    @Override
    public void gap(long missingBytes, long frame, long timestampNanos) {
        if (!buffer.isEmpty()) {
            anomalies.report(Anomaly.warning("sip.stream.gap", frame, missingBytes + " bytes missing on " + flow
                    + ": dropped an incomplete message of " + buffer.length() + " bytes"));
        }
        buffer.clear();
    }

    @Override
    public void close(long frame, long timestampNanos) {
        if (!buffer.isEmpty()) {
            anomalies.report(Anomaly.warning("sip.stream.truncated", frame, "stream " + flow
                    + " closed inside a message (" + buffer.length() + " bytes never completed)"));
        }
        buffer.clear();
    }
}
