package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.ProtocolPlugin;
import dev.parley.decode.Transport;
import java.util.List;

/**
 * SIP as a {@link ProtocolPlugin}: registered on 5060/5061/5080 and found on any other port by its start line.
 * Datagrams are single messages (RFC 3261 18.3); streams are framed by Content-Length in {@link SipStreamDecoder}.
 */
public final class SipProtocol implements ProtocolPlugin {
    private final Limits limits;
    private final SipListener listener;
    private final AnomalySink anomalies;
    private final boolean keepBytes;
    /** The listener as a {@link SipRowListener}, when it is one (the load's hand-over); else null. */
    private final SipRowListener rows;
    private final SipScanner scanner = new SipScanner();

    /**
     * @param keepBytes keep each message's bytes in its event (tests, small files); otherwise views re-read them
     *                  from the capture through the event's origin
     */
    public SipProtocol(Limits limits, SipListener listener, AnomalySink anomalies, boolean keepBytes) {
        this.limits = limits;
        this.listener = listener;
        this.rows = listener instanceof SipRowListener r ? r : null;
        this.anomalies = anomalies;
        this.keepBytes = keepBytes;
    }

    @Override
    public String name() {
        return "sip";
    }

    @Override
    public boolean isWellKnownPort(Transport transport, int port) {
        return port == 5060 || port == 5061 || port == 5080;
    }

    /**
     * The start-line heuristic. The registry does not call it for SIP: the scan judges (see {@link #offerDatagram}).
     */
    @Override
    public boolean matchesDatagram(Flow flow, Bytes payload) {
        return SipScanner.looksLikeSip(payload);
    }

    @Override
    public void datagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos) {
        emit(flow, payload, origin, frame, timestampNanos);
    }

    /** The scan tells SIP from the rest as {@link #matchesDatagram} does: one look at the start line, not two. */
    @Override
    public boolean offerDatagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos) {
        return emit(flow, payload, origin, frame, timestampNanos);
    }

    /**
     * Scans one complete message and hands it on; false (and nothing handed on) when the bytes turn out not to be
     * SIP.
     */
    boolean emit(Flow flow, Bytes message, Origin origin, long frame, long timestampNanos) {
        if (rows != null) {
            return emitRow(flow, message, origin, frame, timestampNanos);
        }
        SipSummary summary = scanner.scanMessage(message, frame);
        if (summary == null) {
            return false;
        }
        report(summary.anomalies());
        byte[] bytes = keepBytes ? message.toArray() : null;
        listener.sip(summary, flow, frame, timestampNanos, origin, bytes);
        return true;
    }

    /**
     * A datagram straight from its frame's bytes: for a listener that takes rows the scanner reads it where it is and
     * the row keeps its file offset, with no view or origin made (docs/DESIGN-NOTES.md note 41).
     */
    @Override
    public boolean offerDatagramInFrame(Flow flow, byte[] a, int at, int length, long frame, long timestampNanos,
                                        long fileOffset) {
        if (rows == null) {
            return ProtocolPlugin.super.offerDatagramInFrame(flow, a, at, length, frame, timestampNanos, fileOffset);
        }
        SipBatch batch = rows.rows();
        return scanner.scanRow(a, at, length, frame, batch, flow, timestampNanos, null, fileOffset, keepBytes)
                && rowAdded(batch);
    }

    /** {@link #emit} for a listener that takes rows: the scanner writes the message into its batch. */
    private boolean emitRow(Flow flow, Bytes message, Origin origin, long frame, long timestampNanos) {
        SipBatch batch = rows.rows();
        return scanner.scanRow(message.array(), message.offset(), message.length(), frame, batch, flow,
                timestampNanos, origin, -1, keepBytes) && rowAdded(batch);
    }

    /** The row the scanner just added is complete: its anomalies reported, the listener told. */
    private boolean rowAdded(SipBatch batch) {
        if (batch.is(batch.size() - 1, SipBatch.ANOMALIES)) {
            report(batch.anomalies(batch.size() - 1));
        }
        rows.rowAdded();
        return true;
    }

    private void report(List<Anomaly> found) {
        for (int i = 0; i < found.size(); i++) { // indexed: no iterator per message
            anomalies.report(found.get(i));
        }
    }

    @Override
    public int streamStart(Flow flow, Bytes firstBytes, boolean pinned) {
        int skip = 0;
        while (skip < firstBytes.length() && (firstBytes.u8(skip) == '\r' || firstBytes.u8(skip) == '\n')) {
            skip++;
        }
        if (skip == firstBytes.length()) {
            return UNDECIDED;
        }
        Bytes rest = firstBytes.slice(skip);
        if (SipScanner.looksLikeSip(rest)) {
            return skip;
        }
        if (rest.length() < 16 && startsLikeSip(rest)) {
            return UNDECIDED;
        }
        // Capture started mid-stream: a message boundary is a SIP start line right after a line end.
        int at = findStartLine(firstBytes);
        if (at >= 0) {
            return at;
        }
        return firstBytes.length() < 4096 ? UNDECIDED : -1;
    }

    /** First offset after a line end where a SIP start line begins, or -1. */
    static int findStartLine(Bytes b) {
        for (int i = b.indexOf((byte) '\n', 0); i >= 0 && i + 1 < b.length(); i = b.indexOf((byte) '\n', i + 1)) {
            if (b.u8(i + 1) != '\r' && b.u8(i + 1) != '\n' && SipScanner.looksLikeSip(b.slice(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }

    /** A short prefix that could still grow into a SIP start line ("SIP/2", "INVI"). */
    private static boolean startsLikeSip(Bytes b) {
        for (int i = 0; i < b.length(); i++) {
            int c = b.u8(i);
            boolean ok = (c >= 'A' && c <= 'Z') || c == '/' || c == '.' || c == ' ' || (c >= '0' && c <= '9')
                    || c == '-' || c == ':' || (c >= 'a' && c <= 'z');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public StreamDecoder openStream(Flow flow) {
        return new SipStreamDecoder(this, flow, limits, anomalies);
    }
}
