package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import java.util.List;

/** A response: "SIP/2.0 code reason"; {@link #method()} is the CSeq method (null when CSeq is missing). */
public record SipResponse(int statusCode, String reasonPhrase, String version, String startLine, int startOffset,
                          SipHeaders headers, SipBody body, List<Anomaly> anomalies) implements SipMessage {

    @Override
    public String method() {
        CSeq c = cseq();
        return c == null ? null : c.method();
    }
}
