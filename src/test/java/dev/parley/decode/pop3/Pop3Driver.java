package dev.parley.decode.pop3;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.ProtocolRegistry;
import dev.parley.decode.Transport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds hand-written POP3 traffic through the real {@link ProtocolRegistry} and {@link Pop3Protocol}, one chunk per
 * frame, and records what the decoder reports as text lines that leave frame numbers out (so the fragment sweep can
 * compare runs split differently).
 */
final class Pop3Driver implements Pop3Listener {
    final Flow client;
    final Flow server;
    final Pop3Protocol protocol;
    final ProtocolRegistry registry;
    final List<String> events = new ArrayList<>();
    final List<Pop3Exchange> exchanges = new ArrayList<>();
    final List<Anomaly> anomalies = new ArrayList<>();
    final List<Pop3End> ends = new ArrayList<>();
    private long frame;
    private long fileOffset;

    Pop3Driver(int clientPort, int serverPort, boolean keepBytes) {
        this(clientPort, serverPort, keepBytes, Limits.DEFAULT);
    }

    Pop3Driver(int clientPort, int serverPort, boolean keepBytes, Limits limits) {
        client = new Flow(Transport.TCP, new Endpoint(IpAddress.parse("10.0.0.1"), clientPort),
                new Endpoint(IpAddress.parse("10.0.0.2"), serverPort));
        server = client.reversed();
        protocol = new Pop3Protocol(limits, this, a -> { }, keepBytes);
        registry = new ProtocolRegistry(List.of(protocol), a -> { });
    }

    Pop3Driver client(String text) {
        return send(client, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    Pop3Driver server(String text) {
        return send(server, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    Pop3Driver send(Flow flow, byte[] bytes) {
        frame++;
        registry.streamData(flow, Bytes.of(bytes), Origin.of(frame, fileOffset, bytes.length), frame, frame * 1000);
        fileOffset += bytes.length + 100; // other headers between payloads, as in a file
        return this;
    }

    Pop3Driver gap(Flow flow, long missing) {
        frame++;
        registry.streamGap(flow, missing, frame, frame * 1000);
        return this;
    }

    Pop3Driver close() {
        frame++;
        registry.streamClosed(client, frame, frame * 1000);
        registry.streamClosed(server, frame, frame * 1000);
        return this;
    }

    Pop3Driver finish() {
        protocol.finish(frame, frame * 1000);
        return this;
    }

    List<String> anomalyCodes() {
        return anomalies.stream().map(Anomaly::code).toList();
    }

    @Override
    public void exchange(long connection, Flow c, Pop3Exchange e) {
        exchanges.add(e);
        StringBuilder sb = new StringBuilder();
        sb.append(e.stateBefore()).append(' ');
        if (e.greeting()) {
            sb.append("GREETING");
        } else if (e.command() != null) {
            sb.append(e.command().rawVerb()).append('[').append(e.command().argument()).append(']');
        } else {
            sb.append("UNSOLICITED");
        }
        for (SaslStep s : e.sasl()) {
            sb.append(s.fromServer() ? " S:" : " C:").append(s.text());
        }
        Pop3Reply r = e.reply();
        if (r == null) {
            sb.append(" -> (none)");
        } else {
            sb.append(" -> ").append(r.status().wire()).append(' ').append(r.text());
            Pop3Body b = r.body();
            if (b != null) {
                sb.append(" body{lines=").append(b.lines()).append(" n=").append(b.lineCount()).append(" octets=")
                        .append(b.octets()).append(" term=").append(b.terminated()).append(" gap=").append(b.gap());
                if (b.data() != null) {
                    sb.append(" data=").append(new String(b.data(), StandardCharsets.ISO_8859_1)
                            .replace("\r", "\\r").replace("\n", "\\n"));
                }
                sb.append('}');
            }
        }
        sb.append(" => ").append(e.stateAfter());
        events.add(sb.toString());
    }

    @Override
    public void anomaly(long connection, Flow c, Anomaly a) {
        anomalies.add(a);
        events.add("ANOMALY " + a.code());
    }

    @Override
    public void ended(long connection, Flow c, Pop3End end) {
        ends.add(end);
        events.add("END closed=" + end.closed() + " encrypted=" + end.encrypted());
    }
}
