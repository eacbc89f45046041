package dev.parley.decode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the protocol of each datagram and stream, then pins a connection to the plugin that claimed it (house style:
 * port table + heuristic, pinned per flow, as Wireshark's conversation_set_dissector). A stream direction is judged
 * from its first bytes; well-known ports only decide the order plugins are asked in, so HTTP on port 5060 is not SIP.
 */
public final class ProtocolRegistry implements TransportListener {
    /** How many bytes of an undecided direction are looked at before it is given up as "not ours". */
    static final int MAX_UNDECIDED_BYTES = 64 * 1024;

    private final List<ProtocolPlugin> plugins;
    /** The plugins that take datagrams ({@link ProtocolPlugin#usesDatagrams}), in order. */
    private final ProtocolPlugin[] datagramPlugins;
    private final AnomalySink anomalies;
    private final Map<Flow, Connection> connections = new HashMap<>();

    public ProtocolRegistry(List<ProtocolPlugin> plugins, AnomalySink anomalies) {
        this.plugins = List.copyOf(plugins);
        List<ProtocolPlugin> datagrams = new ArrayList<>();
        for (ProtocolPlugin p : this.plugins) {
            if (p.usesDatagrams()) {
                datagrams.add(p);
            }
        }
        this.datagramPlugins = datagrams.toArray(new ProtocolPlugin[0]);
        this.anomalies = anomalies;
    }

    @Override
    public void datagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos) {
        for (int i = 0; i < datagramPlugins.length; i++) { // indexed: no iterator per datagram
            if (datagramPlugins[i].offerDatagram(flow, payload, origin, frame, timestampNanos)) {
                return;
            }
        }
    }

    @Override
    public void datagramInFrame(Flow flow, byte[] a, int at, int length, long frame, long timestampNanos,
                                long fileOffset) {
        for (int i = 0; i < datagramPlugins.length; i++) {
            if (datagramPlugins[i].offerDatagramInFrame(flow, a, at, length, frame, timestampNanos, fileOffset)) {
                return;
            }
        }
    }

    @Override
    public void streamData(Flow flow, Bytes data, Origin origin, long frame, long timestampNanos) {
        Connection c = connections.computeIfAbsent(flow.canonical(), k -> new Connection());
        Direction d = c.direction(flow);
        d.closed = false; // data after a close belongs to a new stream (new SYN)
        if (d.decoder != null) {
            d.decoder.data(data, origin, frame, timestampNanos);
            return;
        }
        if (d.notOurs) {
            return;
        }
        d.pending.append(data, origin);
        decide(c, flow, d, frame, timestampNanos);
    }

    private void decide(Connection c, Flow flow, Direction d, long frame, long timestampNanos) {
        Bytes first = d.pending.bytes();
        boolean undecided = false;
        for (ProtocolPlugin p : ordered(c, flow)) {
            int start = p.streamStart(flow, first, c.plugin == p);
            if (start == ProtocolPlugin.UNDECIDED) {
                undecided = true;
            } else if (start >= 0) {
                c.plugin = p;
                d.decoder = p.openStream(flow);
                if (start > 0) {
                    anomalies.report(Anomaly.note(p.name() + ".stream.midstream", frame,
                            "capture starts inside a " + p.name() + " stream on " + flow + "; skipped " + start
                                    + " bytes to the first message"));
                }
                d.decoder.data(first.slice(start), d.pending.origin().slice(start, first.length() - start),
                        frame, timestampNanos);
                d.pending = null;
                return;
            }
        }
        if (!undecided || first.length() >= MAX_UNDECIDED_BYTES) {
            d.notOurs = true;
            d.pending = null;
        }
    }

    /** The pinned plugin first, then plugins registered on either port, then the rest. */
    private List<ProtocolPlugin> ordered(Connection c, Flow flow) {
        if (c.plugin != null) {
            return List.of(c.plugin);
        }
        java.util.ArrayList<ProtocolPlugin> first = new java.util.ArrayList<>(plugins.size());
        java.util.ArrayList<ProtocolPlugin> rest = new java.util.ArrayList<>(plugins.size());
        for (ProtocolPlugin p : plugins) {
            boolean port = p.isWellKnownPort(flow.transport(), flow.src().port())
                    || p.isWellKnownPort(flow.transport(), flow.dst().port());
            (port ? first : rest).add(p);
        }
        first.addAll(rest);
        return first;
    }

    @Override
    public void streamGap(Flow flow, long missingBytes, long frame, long timestampNanos) {
        Connection c = connections.get(flow.canonical());
        if (c == null) {
            return;
        }
        Direction d = c.direction(flow);
        if (d.decoder != null) {
            d.decoder.gap(missingBytes, frame, timestampNanos);
        } else if (d.pending != null) {
            d.pending = new Pending(); // undecided bytes before a hole tell nothing about what follows
        }
    }

    @Override
    public void streamClosed(Flow flow, long frame, long timestampNanos) {
        Flow key = flow.canonical();
        Connection c = connections.get(key);
        if (c == null) {
            return;
        }
        Direction d = c.direction(flow);
        if (d.decoder != null) {
            d.decoder.close(frame, timestampNanos);
        }
        d.closed = true;
        // Once both directions are closed the connection is forgotten: captures hold many short connections, and a
        // new SYN on the same addresses and ports is a new stream to be judged again.
        if (c.forward.closed && c.backward.closed) {
            connections.remove(key);
        } else if (flow.src().compareTo(flow.dst()) <= 0) {
            c.forward = Direction.closedOne();
        } else {
            c.backward = Direction.closedOne();
        }
    }

    /** Connections currently tracked (for tests). */
    int connectionCount() {
        return connections.size();
    }

    /** Both directions of one connection, and the plugin the connection is pinned to. */
    private static final class Connection {
        ProtocolPlugin plugin;
        Direction forward = new Direction();
        Direction backward = new Direction();

        Direction direction(Flow flow) {
            return flow.src().compareTo(flow.dst()) <= 0 ? forward : backward;
        }
    }

    private static final class Direction {
        ProtocolPlugin.StreamDecoder decoder;
        boolean notOurs;
        boolean closed;
        Pending pending = new Pending();

        /** A closed direction keeps no buffers; data arriving after a new SYN is judged afresh. */
        static Direction closedOne() {
            Direction d = new Direction();
            d.closed = true;
            return d;
        }
    }

    /** First bytes of a direction kept until a plugin claims them. */
    private static final class Pending {
        private byte[] buf = new byte[0];
        private final Origin.Builder origin = new Origin.Builder();

        void append(Bytes data, Origin o) {
            int old = buf.length;
            buf = java.util.Arrays.copyOf(buf, old + data.length());
            System.arraycopy(data.array(), data.offset(), buf, old, data.length());
            origin.add(o);
        }

        Bytes bytes() {
            return Bytes.of(buf);
        }

        Origin origin() {
            return origin.build();
        }
    }
}
