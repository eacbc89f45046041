package dev.parley.view.callflow;

import dev.parley.decode.Endpoint;
import dev.parley.decode.sdp.SessionDescription;
import dev.parley.decode.sip.DigestChallenge;
import dev.parley.decode.sip.DigestCredentials;
import dev.parley.decode.sip.NameAddr;
import dev.parley.decode.sip.SipMessage;
import dev.parley.session.sip.CallState;
import dev.parley.session.sip.PagerMessage;
import dev.parley.session.sip.SipCall;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipRegistration;
import dev.parley.session.sip.SipSession;
import dev.parley.session.sip.SipSubscription;
import dev.parley.session.sip.SipTransaction;
import dev.parley.view.callflow.Rows.Field;
import dev.parley.view.callflow.Rows.MediaRow;
import dev.parley.view.callflow.Rows.PagerRow;
import dev.parley.view.callflow.Rows.Party;
import dev.parley.view.callflow.Rows.TimelineRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a session into what the call flow panel shows (pure Java). Messages whose full headers are needed (user
 * agents, SDP, digest realm) are parsed on demand through the bytes function; when it returns null the panel
 * shows what the index knows.
 */
final class SessionSummarizer {
    static final String NA = Durations.NOT_APPLICABLE;

    private final SipSession session;
    private final Function<SipMessageRef, byte[]> bytes;
    private final long start;

    private SessionSummarizer(SipSession session, Function<SipMessageRef, byte[]> bytes) {
        this.session = session;
        this.bytes = bytes;
        SipCall call = session.call();
        this.start = call != null && call.startNanos() >= 0 ? call.startNanos() : session.firstNanos();
    }

    static SessionSummary summarize(SipSession session, Function<SipMessageRef, byte[]> bytes) {
        SessionSummarizer s = new SessionSummarizer(session, bytes);
        if (session.call() != null) {
            return s.call(session.call());
        }
        return s.other();
    }

    private SessionSummary call(SipCall call) {
        SipMessageRef invite = firstRequest("INVITE");
        SipMessage inviteMessage = SdpMedia.parse(invite, bytes);
        List<TimelineRow> timeline = new ArrayList<>();
        for (SipCall.StateChange c : call.timeline()) {
            SipMessageRef m = byIndex(c.messageIndex());
            timeline.add(new TimelineRow(c.timestampNanos() - start, Durations.offset(c.timestampNanos() - start),
                    c.state().displayName(), m == null ? "" : m.label(), m == null ? -1 : m.frame()));
        }
        long ringEnd = call.answerNanos() >= 0 ? call.answerNanos()
                : call.endNanos() >= 0 ? call.endNanos() : -1;
        long ring = call.ringNanos() >= 0 && ringEnd >= 0 ? ringEnd - call.ringNanos() : -1;
        String endedBy = call.endedBy() == null ? (call.isOpenAtEnd() ? NA + " (open at end of capture)" : NA)
                : call.endedBy() == SipCall.Party.CALLER ? "caller"
                : call.endedBy() == SipCall.Party.CALLEE ? "callee" : "unknown";
        String endReason = call.endReason() == null ? NA : call.endReason();
        if (call.reasonHeader() != null) {
            endReason += " (Reason: " + call.reasonHeader() + ")";
        }
        Party caller = new Party("Caller", name(call.callerDisplay(), call.caller(),
                inviteMessage == null ? null : inviteMessage.from()), text(call.callerEndpoint()),
                inviteMessage == null ? null : inviteMessage.userAgent());
        Party callee = new Party("Callee", name(null, call.callee(), inviteMessage == null ? null : inviteMessage.to()),
                text(call.calleeEndpoint()), agentOf(call.calleeEndpoint()));
        List<Field> details = new ArrayList<>();
        details.add(new Field("Call-ID", session.callId()));
        details.add(new Field("Messages", Integer.toString(session.messages().size())));
        details.add(new Field("Transactions", Integer.toString(session.transactions().size())));
        if (call.reInvites() > 0) {
            details.add(new Field("Re-INVITEs", Integer.toString(call.reInvites())));
        }
        if (!session.relatedSessions().isEmpty()) {
            details.add(new Field("Related legs", Integer.toString(session.relatedSessions().size())));
        }
        if (!session.anomalies().isEmpty()) {
            details.add(new Field("Anomalies", Integer.toString(session.anomalies().size())));
        }
        return new SessionSummary("Call", headline(caller.name(), callee.name()), call.state().displayName(),
                tone(call.state()), call.state(), Durations.format(call.postDialDelayNanos()),
                Durations.format(call.setupTimeNanos()), Durations.format(ring), Durations.format(call.durationNanos()),
                endedBy, endReason, caller, callee, timeline, media(invite, inviteMessage), details, List.of());
    }

    /** Offer and answer of the initial INVITE (early or late offer), then those of the latest re-INVITE. */
    private List<MediaRow> media(SipMessageRef invite, SipMessage inviteMessage) {
        List<MediaRow> rows = new ArrayList<>();
        if (invite == null) {
            return rows;
        }
        long cseq = invite.cseq();
        SessionDescription offer = invite.sdp() ? SdpMedia.sdp(inviteMessage) : null;
        SipMessageRef ok = response("INVITE", cseq, true);
        if (offer != null) {
            SdpMedia.rows("offer (INVITE)", offer, invite.frame(), rows);
            SipMessageRef answer = ok != null && ok.sdp() ? ok : response("INVITE", cseq, false);
            addSdp(answer, "answer (" + (answer == null ? "" : answer.label()) + ")", rows);
        } else if (ok != null && ok.sdp()) {
            addSdp(ok, "offer (" + ok.label() + ")", rows);
            SipMessageRef ack = null;
            for (SipMessageRef m : session.messages()) {
                if (m.request() && "ACK".equals(m.method()) && m.cseq() == cseq && m.sdp()) {
                    ack = m;
                    break;
                }
            }
            addSdp(ack, "answer (ACK)", rows);
        }
        SipMessageRef reInvite = null;
        for (SipMessageRef m : session.messages()) {
            if (m.request() && "INVITE".equals(m.method()) && m.cseq() > cseq && !m.resent()) {
                reInvite = m;
            }
        }
        if (reInvite != null && reInvite.sdp()) {
            addSdp(reInvite, "re-INVITE offer", rows);
            SipMessageRef reOk = response("INVITE", reInvite.cseq(), true);
            if (reOk != null && reOk.sdp()) {
                addSdp(reOk, "re-INVITE answer (" + reOk.label() + ")", rows);
            }
        }
        return rows;
    }

    private void addSdp(SipMessageRef m, String side, List<MediaRow> rows) {
        if (m == null || !m.sdp()) {
            return;
        }
        SessionDescription d = SdpMedia.sdp(SdpMedia.parse(m, bytes));
        if (d != null) {
            SdpMedia.rows(side, d, m.frame(), rows);
        }
    }

    /** First response to method/cseq carrying SDP: a 2xx when {@code success}, else a provisional one. */
    private SipMessageRef response(String method, long cseq, boolean success) {
        for (SipMessageRef m : session.messages()) {
            if (!m.request() && method.equals(m.cseqMethod()) && m.cseq() == cseq
                    && (success ? m.statusCode() >= 200 && m.statusCode() < 300 : m.statusCode() < 200 && m.sdp())) {
                return m;
            }
        }
        return null;
    }

    private SessionSummary other() {
        List<TimelineRow> timeline = transactionRows();
        List<Field> details = new ArrayList<>();
        List<PagerRow> pager = new ArrayList<>();
        String state;
        Tone tone;
        String kind;
        SipMessageRef first = session.messages().isEmpty() ? null : session.messages().get(0);
        SipMessage firstMessage = SdpMedia.parse(firstRequestOr(first), bytes);
        String headline = headline(name(session.callerDisplay(), session.caller(),
                firstMessage == null ? null : firstMessage.from()),
                name(null, session.callee(), firstMessage == null ? null : firstMessage.to()));
        SipRegistration reg = session.registration();
        SipSubscription sub = session.subscription();
        if (reg != null) {
            kind = "Registration";
            headline = "REGISTER " + (reg.addressOfRecord() == null ? "?" : reg.addressOfRecord());
            if (reg.registered()) {
                state = "REGISTERED";
                tone = Tone.SUCCESS;
            } else if (reg.deregistration() && reg.lastStatus() >= 200 && reg.lastStatus() < 300) {
                state = "UNREGISTERED";
                tone = Tone.NEUTRAL;
            } else if (reg.failed()) {
                state = "FAILED";
                tone = Tone.FAILURE;
            } else if (reg.lastStatus() == 401 || reg.lastStatus() == 407) {
                state = "CHALLENGED";
                tone = Tone.WARNING;
            } else {
                state = "PENDING";
                tone = Tone.PROGRESS;
            }
            registration(reg, details);
        } else if (!session.pagerMessages().isEmpty()) {
            kind = "Message";
            int delivered = 0;
            boolean failed = false;
            for (PagerMessage p : session.pagerMessages()) {
                delivered += p.delivered() ? 1 : 0;
                failed |= p.deliveryStatus() >= 300;
                SipMessageRef r = p.request();
                pager.add(new PagerRow(Durations.offset(r.timestampNanos() - start),
                        p.fromDisplay() != null ? p.fromDisplay() + " (" + p.from() + ")" : p.from(), p.to(),
                        p.text() == null ? "(no text body)" : p.text(),
                        p.response() == null ? "no answer" : p.response().label(), r.frame()));
            }
            int n = session.pagerMessages().size();
            state = delivered == n ? "DELIVERED" : failed ? "FAILED" : "PENDING";
            tone = delivered == n ? Tone.SUCCESS : failed ? Tone.FAILURE : Tone.PROGRESS;
            details.add(new Field("Messages", n + (n == 1 ? " message, " : " messages, ") + delivered + " delivered"));
        } else if (sub != null) {
            kind = "Subscription";
            state = sub.state().name();
            tone = sub.state() == SipSubscription.State.ACTIVE ? Tone.ACTIVE
                    : sub.state() == SipSubscription.State.FAILED ? Tone.FAILURE
                    : sub.state() == SipSubscription.State.TERMINATED ? Tone.NEUTRAL : Tone.PROGRESS;
            String event = firstMessage == null ? null : firstMessage.headers().value("Event");
            details.add(new Field("Event", event == null ? NA : event));
            details.add(new Field("NOTIFYs", Integer.toString(sub.notifies())));
            details.add(new Field("Last status", sub.lastStatus() < 0 ? NA : Integer.toString(sub.lastStatus())));
        } else {
            kind = session.kind() == null ? "Other" : capitalized(session.kind().name());
            SipTransaction last = session.transactions().isEmpty() ? null
                    : session.transactions().get(session.transactions().size() - 1);
            int status = last == null ? -1 : last.finalStatus();
            state = status < 0 ? "NO ANSWER" : last.finalResponse().label().toUpperCase(java.util.Locale.ROOT);
            tone = status < 0 ? Tone.PROGRESS : status < 300 ? Tone.SUCCESS : Tone.FAILURE;
        }
        details.add(0, new Field("Call-ID", session.callId()));
        details.add(new Field("Messages in session", Integer.toString(session.messages().size())));
        Endpoint src = first == null ? null : first.flow().src();
        Endpoint dst = first == null ? null : first.flow().dst();
        Party caller = new Party("From", name(session.callerDisplay(), session.caller(),
                firstMessage == null ? null : firstMessage.from()), text(src),
                firstMessage == null ? null : firstMessage.userAgent());
        Party callee = new Party("To", name(null, session.callee(), firstMessage == null ? null : firstMessage.to()),
                text(dst), agentOf(dst));
        return new SessionSummary(kind, headline, state, tone, null, NA, NA, NA,
                Durations.format(session.lastNanos() - session.firstNanos()), NA, NA, caller, callee, timeline,
                List.of(), details, pager);
    }

    private void registration(SipRegistration reg, List<Field> details) {
        details.add(new Field("Address of record", reg.addressOfRecord() == null ? NA : reg.addressOfRecord()));
        details.add(new Field("Challenged", reg.challenged() ? "yes" : "no"));
        details.add(new Field("Authorized", reg.authorized() ? "yes" : "no"));
        details.add(new Field("Expires", reg.expires() < 0 ? NA : reg.expires() + " s"));
        details.add(new Field("Last status", reg.lastStatus() < 0 ? NA
                : reg.lastStatus() + (reg.lastReason() == null ? "" : " " + reg.lastReason())));
        if (reg.lastRegisteredNanos() >= 0) {
            details.add(new Field("Registered at", Durations.offset(reg.lastRegisteredNanos() - start)));
        }
        for (SipMessageRef m : session.messages()) {
            if (!m.request() && (m.statusCode() == 401 || m.statusCode() == 407)) {
                SipMessage p = SdpMedia.parse(m, bytes);
                List<DigestChallenge> c = p == null ? List.of()
                        : m.statusCode() == 401 ? p.wwwAuthenticates() : p.proxyAuthenticates();
                if (!c.isEmpty()) {
                    details.add(new Field("Realm", c.get(0).realm() == null ? NA : c.get(0).realm()));
                }
                break;
            }
        }
        for (SipMessageRef m : session.messages()) {
            if (m.request() && "REGISTER".equals(m.method())) {
                SipMessage p = SdpMedia.parse(m, bytes);
                if (p != null && !p.authorizations().isEmpty()) {
                    DigestCredentials d = p.authorizations().get(0);
                    details.add(new Field("Username", d.username() == null ? NA : d.username()));
                    break;
                }
            }
        }
    }

    /** One row per transaction: its request time, the method and its outcome. */
    private List<TimelineRow> transactionRows() {
        List<TimelineRow> rows = new ArrayList<>();
        for (SipTransaction t : session.transactions()) {
            SipMessageRef r = t.request() != null ? t.request() : t.finalResponse();
            if (r == null) {
                continue;
            }
            SipMessageRef f = t.finalResponse();
            String outcome = f == null ? "no final response" : f.label();
            if (f != null && t.responseTimeNanos() >= 0) {
                outcome += " in " + Durations.format(t.responseTimeNanos());
            }
            rows.add(new TimelineRow(r.timestampNanos() - start, Durations.offset(r.timestampNanos() - start),
                    outcome, t.method() + " " + t.cseq(), r.frame()));
        }
        return rows;
    }

    private SipMessageRef firstRequest(String method) {
        for (SipMessageRef m : session.messages()) {
            if (m.request() && method.equals(m.method())) {
                return m;
            }
        }
        return null;
    }

    private SipMessageRef firstRequestOr(SipMessageRef fallback) {
        for (SipMessageRef m : session.messages()) {
            if (m.request()) {
                return m;
            }
        }
        return fallback;
    }

    private SipMessageRef byIndex(int index) {
        for (SipMessageRef m : session.messages()) {
            if (m.index() == index) {
                return m;
            }
        }
        return null;
    }

    /** User-Agent or Server of the first message sent from {@code endpoint}. */
    private String agentOf(Endpoint endpoint) {
        if (endpoint == null) {
            return null;
        }
        int tried = 0;
        for (SipMessageRef m : session.messages()) {
            if (endpoint.equals(m.flow().src()) && tried++ < 4) {
                SipMessage p = SdpMedia.parse(m, bytes);
                if (p != null && p.userAgent() != null) {
                    return p.userAgent();
                }
            }
        }
        return null;
    }

    /** "Alice <sip:alice@example.com>", else the user the index kept. */
    private static String name(String display, String user, NameAddr parsed) {
        if (parsed != null && parsed.uri() != null && !parsed.uri().raw().isEmpty()) {
            String d = parsed.displayName() != null ? parsed.displayName() : display;
            return (d == null || d.isEmpty() ? "" : d + " ") + "<" + parsed.uri().raw() + ">";
        }
        String u = user == null ? "?" : user;
        return display == null || display.isEmpty() ? u : display + " (" + u + ")";
    }

    private static String headline(String from, String to) {
        return (from == null ? "?" : from) + " \u2192 " + (to == null ? "?" : to);
    }

    private static String text(Endpoint e) {
        return e == null ? NA : e.toString();
    }

    private static String capitalized(String s) {
        return s.charAt(0) + s.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    static Tone tone(CallState s) {
        switch (s) {
            case CALL_SETUP: case RINGING: return Tone.PROGRESS;
            case IN_CALL: return Tone.ACTIVE;
            case COMPLETED: return Tone.SUCCESS;
            case CANCELLED: case DIVERTED: return Tone.WARNING;
            case REJECTED: case BUSY: return Tone.FAILURE;
            default: return Tone.NEUTRAL;
        }
    }
}
