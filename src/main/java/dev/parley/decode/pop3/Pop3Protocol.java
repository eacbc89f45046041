package dev.parley.decode.pop3;

import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.ProtocolPlugin;
import dev.parley.decode.Transport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * POP3 as a {@link ProtocolPlugin}: TCP port 110, and other ports by the client's first command (see
 * {@link Pop3Detector} for the rule). Both directions of a connection feed one {@link Pop3ConnectionDecoder}, which
 * reports exchanges to a {@link Pop3Listener}. POP3 has no datagrams: a UDP packet costs one call returning false.
 */
public final class Pop3Protocol implements ProtocolPlugin {
    private final Limits limits;
    private final Pop3Listener listener;
    private final AnomalySink anomalies;
    private final boolean keepBytes;
    private final Map<Flow, Pop3ConnectionDecoder> connections = new HashMap<>();
    private long nextId = 1;
    /** The flow whose start {@link #streamStart} last placed after skipped bytes; read by the next openStream. */
    private Flow midstream;

    /**
     * @param keepBytes keep each retrieved mail's bytes in its reply; otherwise they are re-read from the capture
     *                  through the body's origin (DESIGN.md decision 2)
     */
    public Pop3Protocol(Limits limits, Pop3Listener listener, AnomalySink anomalies, boolean keepBytes) {
        this.limits = limits;
        this.listener = listener;
        this.anomalies = anomalies;
        this.keepBytes = keepBytes;
    }

    @Override
    public String name() {
        return "pop3";
    }

    @Override
    public boolean isWellKnownPort(Transport transport, int port) {
        return transport == Transport.TCP && port == Pop3Detector.PORT;
    }

    @Override
    public boolean usesDatagrams() {
        return false;
    }

    @Override
    public boolean matchesDatagram(Flow flow, Bytes payload) {
        return false;
    }

    @Override
    public void datagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos) {
        // never called: matchesDatagram is false
    }

    @Override
    public int streamStart(Flow flow, Bytes firstBytes, boolean pinned) {
        if (flow.transport() != Transport.TCP) {
            return -1;
        }
        int start = Pop3Detector.streamStart(flow, firstBytes, pinned);
        midstream = start > 0 ? flow : null;
        return start;
    }

    @Override
    public StreamDecoder openStream(Flow flow) {
        Flow key = flow.canonical();
        Pop3ConnectionDecoder c = connections.get(key);
        if (c != null && (c.ended() || c.sideClosed(flow))) {
            c.end(0, 0, true); // a new connection on the same addresses and ports
            c = null;
        }
        if (c == null) {
            c = new Pop3ConnectionDecoder(nextId++, flow, limits, keepBytes, anomalies, listener);
            connections.put(key, c);
        }
        Pop3ConnectionDecoder.Side side = c.open(flow, flow.equals(midstream));
        midstream = null;
        Pop3ConnectionDecoder conn = c;
        return new StreamDecoder() {
            @Override
            public void data(Bytes data, Origin origin, long frame, long timestampNanos) {
                side.data(data, origin, frame, timestampNanos);
            }

            @Override
            public void gap(long missingBytes, long frame, long timestampNanos) {
                side.gap(missingBytes, frame, timestampNanos);
            }

            @Override
            public void close(long frame, long timestampNanos) {
                side.close(frame, timestampNanos);
                if (conn.ended()) {
                    connections.remove(key, conn);
                }
            }
        };
    }

    /** End of the capture: connections still open end here, their unanswered commands unanswered. */
    public void finish(long frame, long timestampNanos) {
        for (Pop3ConnectionDecoder c : new ArrayList<>(connections.values())) {
            c.end(frame, timestampNanos, false);
        }
        connections.clear();
    }
}
