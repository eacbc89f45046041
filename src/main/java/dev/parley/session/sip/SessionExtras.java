package dev.parley.session.sip;

import dev.parley.decode.Anomaly;
import java.util.List;

/** Fields of a session that most sessions never set: one reference in the session instead of six, made on first use. */
final class SessionExtras {
    SipSubscription subscription;
    List<SipSession> related = List.of();
    List<Anomaly> anomalies = List.of();
    String correlationId;
    String reason;
    String evictedCallId; // set once the session was evicted and its packed strings released
}
