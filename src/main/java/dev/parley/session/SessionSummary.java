package dev.parley.session;

import dev.parley.decode.Flow;
import dev.parley.session.sip.PagerMessage;
import dev.parley.session.sip.SessionKind;
import dev.parley.session.sip.SipCall;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipRegistration;
import dev.parley.session.sip.SipSession;
import dev.parley.session.sip.SipSubscription;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the session list, as sngrep and Wireshark's VoIP Calls show it: the one derivation behind the CLI's
 * summary, the desktop list and the CSV/JSON exports. Durations are -1 when they do not apply; text fields are
 * never null.
 *
 * @param kind           what the session is about (CALL, REGISTRATION...), null when no message said
 * @param method         first request method of the session, or the CSeq method when only responses were seen
 * @param state          call state, or what the registration / pager / subscription came to ("" when nothing fits)
 * @param durationNanos  talk time of a call, span of the session otherwise
 * @param lastStatus     last response code seen, -1 when none; {@code lastStatusText} is its arrow label
 * @param related        Call-IDs of other legs of the same call (X-Call-ID / X-CID, either direction)
 * @param anomalies      anomalies found in the session's messages
 */
public record SessionSummary(int index, String callId, SessionKind kind, String method, String from, String to,
                             String state, int messages, long startNanos, long durationNanos,
                             long postDialDelayNanos, long setupTimeNanos, int lastStatus, String lastStatusText,
                             String transport, String source, String destination, List<String> related,
                             int anomalies) {

    /** Summarises a session; must run where the session may be read (the loading thread while loading). */
    public static SessionSummary of(int index, SipSession s) {
        SipMessageRef first = s.firstMessage();
        SipMessageRef firstRequest = s.firstRequest();
        SipMessageRef lastResponse = s.lastResponse();
        String method = firstRequest != null ? firstRequest.method() : first != null ? first.cseqMethod() : null;
        SipCall call = s.call();
        long duration = s.firstNanos() < 0 ? -1 : s.lastNanos() - s.firstNanos();
        long pdd = -1;
        long setup = -1;
        if (call != null) {
            duration = call.durationNanos();
            pdd = call.postDialDelayNanos();
            setup = call.setupTimeNanos();
        }
        Flow flow = first == null ? null : first.flow();
        return new SessionSummary(index, s.callId(), s.kind(), orEmpty(method), orEmpty(s.caller()),
                orEmpty(s.callee()), stateOf(s), s.messages().size(), s.firstNanos(), duration, pdd, setup,
                lastResponse == null ? -1 : lastResponse.statusCode(),
                lastResponse == null ? "" : lastResponse.label(),
                flow == null ? "" : flow.transport().name(),
                flow == null ? "" : flow.src().toString(), flow == null ? "" : flow.dst().toString(),
                related(s), s.anomalies().size());
    }

    private static List<String> related(SipSession s) {
        List<String> related = new ArrayList<>(2);
        if (s.correlationId() != null && !s.correlationId().equals(s.callId())) {
            related.add(s.correlationId());
        }
        for (SipSession other : s.relatedSessions()) {
            if (!related.contains(other.callId())) {
                related.add(other.callId());
            }
        }
        return List.copyOf(related);
    }

    /** A word for where the session ended up, whatever its kind. */
    static String stateOf(SipSession s) {
        SipCall call = s.call();
        if (call != null) {
            return call.state().displayName();
        }
        SipRegistration reg = s.registration();
        if (reg != null) {
            if (reg.failed()) {
                return "FAILED";
            }
            if (reg.deregistration() && reg.registered()) {
                return "UNREGISTERED";
            }
            if (reg.registered()) {
                return "REGISTERED";
            }
            return reg.challenged() ? "CHALLENGED" : "REGISTERING";
        }
        List<PagerMessage> pager = s.pagerMessages();
        if (!pager.isEmpty()) {
            PagerMessage last = pager.get(pager.size() - 1);
            if (last.response() == null) {
                return "SENT";
            }
            return last.delivered() ? "DELIVERED" : "FAILED";
        }
        SipSubscription sub = s.subscription();
        return sub == null ? "" : sub.state().name();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
