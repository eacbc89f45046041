package dev.parley.session.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Origin;
import dev.parley.decode.Transport;
import dev.parley.decode.sip.SipEvent;
import dev.parley.decode.sip.SipSummary;
import java.util.ArrayList;
import java.util.List;

/** Builds SipSummary/SipEvent values for correlator tests: one fluent builder per message. */
final class TestSip {
    static final Endpoint ALICE = new Endpoint(IpAddress.parse("10.0.0.1"), 5060);
    static final Endpoint PROXY = new Endpoint(IpAddress.parse("10.0.0.2"), 5060);
    static final Endpoint BOB = new Endpoint(IpAddress.parse("10.0.0.3"), 5060);
    static final long MS = 1_000_000L;

    private static long frameCounter;

    private TestSip() {
    }

    static Msg request(String method) {
        Msg m = new Msg();
        m.request = true;
        m.method = method;
        m.cseqMethod = method;
        return m;
    }

    static Msg response(int code, String reason, String cseqMethod) {
        Msg m = new Msg();
        m.request = false;
        m.method = cseqMethod;
        m.cseqMethod = cseqMethod;
        m.status = code;
        m.reason = reason;
        return m;
    }

    static final class Msg {
        boolean request;
        String method;
        int status = -1;
        String reason;
        String callId = "call-1";
        String fromTag;
        String toTag;
        String fromUser = "alice";
        String toUser = "bob";
        String fromDisplay;
        long cseq = 1;
        String cseqMethod;
        String branch = "z9hG4bK-1";
        String contentType;
        int expires = -1;
        String reasonHeader;
        String correlationId;
        String userAgent;
        String event;
        String subscriptionState;
        String text;
        List<Anomaly> anomalies = List.of();
        Endpoint src = ALICE;
        Endpoint dst = BOB;
        Transport transport = Transport.UDP;
        long millis;

        Msg callId(String v) {
            callId = v;
            return this;
        }

        Msg tags(String from, String to) {
            fromTag = from;
            toTag = to;
            return this;
        }

        Msg users(String from, String to) {
            fromUser = from;
            toUser = to;
            return this;
        }

        Msg display(String v) {
            fromDisplay = v;
            return this;
        }

        Msg cseq(long n) {
            cseq = n;
            return this;
        }

        Msg cseq(long n, String m) {
            cseq = n;
            cseqMethod = m;
            return this;
        }

        Msg branch(String v) {
            branch = v;
            return this;
        }

        Msg sdp() {
            contentType = "application/sdp";
            return this;
        }

        Msg expires(int v) {
            expires = v;
            return this;
        }

        Msg reasonHeader(String v) {
            reasonHeader = v;
            return this;
        }

        Msg correlationId(String v) {
            correlationId = v;
            return this;
        }

        Msg userAgent(String v) {
            userAgent = v;
            return this;
        }

        Msg event(String v) {
            event = v;
            return this;
        }

        Msg subscriptionState(String v) {
            subscriptionState = v;
            return this;
        }

        Msg text(String v) {
            text = v;
            contentType = "text/plain";
            return this;
        }

        Msg anomaly(String code) {
            anomalies = new ArrayList<>(anomalies);
            anomalies.add(Anomaly.warning(code, 0, code));
            return this;
        }

        Msg flow(Endpoint from, Endpoint to) {
            src = from;
            dst = to;
            return this;
        }

        Msg tcp() {
            transport = Transport.TCP;
            return this;
        }

        Msg at(long ms) {
            millis = ms;
            return this;
        }

        SipSummary summary() {
            return SipSummary.of(request, method, status, reason, request ? "sip:" + toUser + "@example.org" : null,
                    callId, fromTag, toTag, fromUser, toUser, fromDisplay, cseq, cseqMethod, branch,
                    transport.name(), contentType, 0, 0, expires, reasonHeader, correlationId, userAgent, text,
                    event, subscriptionState, anomalies);
        }

        SipEvent event() {
            long frame = ++frameCounter;
            return new SipEvent(summary(), new Flow(transport, src, dst), frame, millis * MS,
                    Origin.of(frame, frame * 100, 100), null);
        }
    }
}
