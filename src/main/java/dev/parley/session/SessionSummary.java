package dev.parley.session;

import dev.parley.decode.Flow;
import dev.parley.session.sip.PagerMessage;
import dev.parley.session.sip.SipCall;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipRegistration;
import dev.parley.session.sip.SipSession;
import dev.parley.session.sip.SipSubscription;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the session list, as sngrep and Wireshark's VoIP Calls show it: the same figures for the CLI's
 * summary, the desktop list and the CSV/JSON exports. Durations are -1 when they do not apply.
 *
 * @param method     first request method of the session
 * @param state      call state, or what the registration / pager / subscription came to
 * @param lastStatus last final response code seen, -1 when none
 */
public record SessionSummary(int index, String callId, String kind, String method, String from, String to,
                             String state, int messages, long startNanos, long durationNanos,
                             long postDialDelayNanos, long setupTimeNanos, int lastStatus, String transport,
                             String source, String destination, List<String> related) {

    public static SessionSummary of(int index, SipSession s) {
        List<SipMessageRef> msgs = s.messages();
        SipMessageRef first = msgs.isEmpty() ? null : msgs.get(0);
        String method = null;
        int lastStatus = -1;
        for (SipMessageRef m : msgs) {
            if (method == null && m.request()) {
                method = m.method();
            }
            if (m.isFinal()) {
                lastStatus = m.statusCode();
            }
        }
        if (method == null && first != null) {
            method = first.cseqMethod();
        }
        SipCall call = s.call();
        long duration = s.lastNanos() - s.firstNanos();
        long pdd = -1;
        long setup = -1;
        if (call != null) {
            duration = call.durationNanos();
            pdd = call.postDialDelayNanos();
            setup = call.setupTimeNanos();
        }
        Flow flow = first == null ? null : first.flow();
        List<String> related = new ArrayList<>();
        for (SipSession r : s.relatedSessions()) {
            related.add(r.callId());
        }
        return new SessionSummary(index, s.callId(), s.kind() == null ? "OTHER" : s.kind().name(), method,
                s.caller(), s.callee(), stateOf(s, lastStatus), msgs.size(), s.firstNanos(), duration, pdd, setup,
                lastStatus, flow == null ? "" : flow.transport().name(),
                flow == null ? "" : flow.src().toString(), flow == null ? "" : flow.dst().toString(),
                List.copyOf(related));
    }

    /** A word for where the session ended up, whatever its kind. */
    static String stateOf(SipSession s, int lastStatus) {
        if (s.call() != null) {
            return s.call().state().displayName();
        }
        SipRegistration r = s.registration();
        if (r != null) {
            if (r.deregistration() && r.lastStatus() >= 200 && r.lastStatus() < 300) {
                return "UNREGISTERED";
            }
            return r.registered() ? (r.challenged() ? "AUTHORIZED" : "REGISTERED")
                    : r.failed() ? "FAILED" : r.challenged() ? "CHALLENGED" : "PENDING";
        }
        List<PagerMessage> pager = s.pagerMessages();
        if (!pager.isEmpty()) {
            PagerMessage last = pager.get(pager.size() - 1);
            return last.delivered() ? "DELIVERED" : last.deliveryStatus() > 0 ? "FAILED" : "NO REPLY";
        }
        SipSubscription sub = s.subscription();
        if (sub != null) {
            return sub.state().name();
        }
        if (lastStatus < 0) {
            return "NO REPLY";
        }
        return lastStatus < 300 ? "OK" : "FAILED";
    }
}
