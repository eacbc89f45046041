package dev.parley.decode.ws;

import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.ProtocolPlugin;
import dev.parley.decode.Transport;

/**
 * SIP over WebSocket (RFC 7118): a TCP connection that opens with an HTTP Upgrade to websocket carries one SIP
 * message per WebSocket message. The handshake is recognised on any port; the messages are unmasked and handed to
 * the SIP plugin as datagrams of a flow whose transport is WS.
 */
public final class WebSocketSipProtocol implements ProtocolPlugin {
    private static final byte[] GET = {'G', 'E', 'T', ' '};
    private static final byte[] HTTP_101 = "HTTP/1.1 101".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ProtocolPlugin sip;
    private final Limits limits;
    private final AnomalySink anomalies;

    /** @param sip the plugin that decodes each SIP message carried in a WebSocket message */
    public WebSocketSipProtocol(ProtocolPlugin sip, Limits limits, AnomalySink anomalies) {
        this.sip = sip;
        this.limits = limits;
        this.anomalies = anomalies;
    }

    @Override
    public String name() {
        return "sip-ws";
    }

    @Override
    public boolean isWellKnownPort(Transport transport, int port) {
        return false;
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
        // WebSocket runs on streams only.
    }

    @Override
    public int streamStart(Flow flow, Bytes firstBytes, boolean pinned) {
        if (pinned && firstBytes.startsWith(HTTP_101)) {
            return 0;
        }
        if (!firstBytes.startsWith(GET)) {
            return firstBytes.length() < GET.length && isPrefixOfGet(firstBytes) ? UNDECIDED : -1;
        }
        int end = HttpHead.end(firstBytes);
        if (end < 0) {
            return firstBytes.length() < limits.maxHeaderBlock() ? UNDECIDED : -1;
        }
        return HttpHead.isWebSocketUpgrade(firstBytes.slice(0, end)) ? 0 : -1;
    }

    private static boolean isPrefixOfGet(Bytes b) {
        for (int i = 0; i < b.length(); i++) {
            if (b.u8(i) != GET[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public StreamDecoder openStream(Flow flow) {
        Flow ws = new Flow(Transport.WS, flow.src(), flow.dst());
        return new WebSocketStreamDecoder(ws, limits, anomalies,
                (message, origin, frame, ts) -> sip.datagram(ws, message, origin, frame, ts));
    }
}
