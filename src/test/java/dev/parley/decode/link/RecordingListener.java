package dev.parley.decode.link;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.Origin;
import dev.parley.decode.TransportListener;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records what the network layers deliver (payloads copied) and the anomalies they report. */
public final class RecordingListener implements TransportListener, AnomalySink {
    public record Datagram(Flow flow, byte[] payload, Origin origin, long frame) {
        public String text() {
            return new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    public record Chunk(Flow flow, byte[] data, Origin origin, long frame) { }

    public final List<Datagram> datagrams = new ArrayList<>();
    public final List<Chunk> chunks = new ArrayList<>();
    public final List<String> events = new ArrayList<>();
    public final List<Anomaly> anomalies = new ArrayList<>();
    public final Map<Flow, ByteArrayOutputStream> streams = new LinkedHashMap<>();

    @Override
    public void datagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos) {
        datagrams.add(new Datagram(flow, payload.toArray(), origin, frame));
    }

    @Override
    public void streamData(Flow flow, Bytes data, Origin origin, long frame, long timestampNanos) {
        chunks.add(new Chunk(flow, data.toArray(), origin, frame));
        streams.computeIfAbsent(flow, f -> new ByteArrayOutputStream()).writeBytes(data.toArray());
        events.add("data " + data.length());
    }

    @Override
    public void streamGap(Flow flow, long missingBytes, long frame, long timestampNanos) {
        events.add("gap " + missingBytes);
    }

    @Override
    public void streamClosed(Flow flow, long frame, long timestampNanos) {
        events.add("closed " + flow.src().port() + ">" + flow.dst().port());
    }

    @Override
    public void report(Anomaly anomaly) {
        anomalies.add(anomaly);
    }

    public List<String> anomalyCodes() {
        return anomalies.stream().map(Anomaly::code).toList();
    }

    public byte[] stream(Flow flow) {
        ByteArrayOutputStream s = streams.get(flow);
        return s == null ? new byte[0] : s.toByteArray();
    }
}
