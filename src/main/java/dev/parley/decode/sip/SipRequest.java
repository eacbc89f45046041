package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import java.util.List;

/** A request: "METHOD Request-URI SIP/2.0". */
public record SipRequest(String method, SipUri requestUri, String version, String startLine, int startOffset,
                         SipHeaders headers, SipBody body, List<Anomaly> anomalies) implements SipMessage {
}
