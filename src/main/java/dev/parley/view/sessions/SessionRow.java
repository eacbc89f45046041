package dev.parley.view.sessions;

import dev.parley.session.SessionSummary;
import dev.parley.session.pop3.Pop3Login;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.sip.SessionKind;
import dev.parley.session.sip.SipSession;
import java.util.List;

/**
 * One line of the session list: an immutable copy of what the list shows of a {@link SipSession}, taken on the
 * loading thread (the session keeps changing while loading; the FX thread only ever sees these copies).
 *
 * @param index          position of the session in the correlator's session list
 * @param startNanos     capture time of the first message
 * @param start          time of day of the first message ("12:01:02.345", UTC)
 * @param method         method of the first request ("INVITE"), or the CSeq method when no request was seen
 * @param state          "IN CALL", "COMPLETED", "REGISTERED", ... or empty
 * @param durationNanos  talk time for a call, span of the session otherwise; -1 when not known
 * @param pddNanos       post-dial delay of a call, -1 when none
 * @param lastStatus     last response code, -1 when none
 * @param route          "10.0.0.1:5060 → 10.0.0.2:5060" of the first message
 * @param relatedCallIds Call-IDs of other legs (X-Call-ID / X-CID, either direction)
 * @param anomalies      anomalies found in the session's messages
 * @param pop3           for a POP3 session ({@code kind} POP3) its 1-based index in the capture's POP3 sessions, else 0
 */
public record SessionRow(int index, long startNanos, String start, SessionKind kind, String method, String from,
                         String to, String state, int messages, long durationNanos, long pddNanos, int lastStatus,
                         String lastStatusText, String transport, String route, String callId,
                         List<String> relatedCallIds, int anomalies, int pop3) {

    public SessionRow {
        relatedCallIds = List.copyOf(relatedCallIds);
    }

    /** A SIP row. */
    public SessionRow(int index, long startNanos, String start, SessionKind kind, String method, String from,
                      String to, String state, int messages, long durationNanos, long pddNanos, int lastStatus,
                      String lastStatusText, String transport, String route, String callId,
                      List<String> relatedCallIds, int anomalies) {
        this(index, startNanos, start, kind, method, from, to, state, messages, durationNanos, pddNanos, lastStatus,
                lastStatusText, transport, route, callId, relatedCallIds, anomalies, 0);
    }

    /** A row of a POP3 session rather than of a SIP Call-ID. */
    public boolean isPop3() {
        return pop3 > 0;
    }

    /** What identifies the row's session across a reload of the list: the Call-ID, or "pop3:N". */
    public String key() {
        return isPop3() ? "pop3:" + pop3 : callId;
    }

    /** True when other legs of the same call were seen. */
    public boolean hasRelated() {
        return !relatedCallIds.isEmpty();
    }

    /** "Call", "Registration": the kind as the list shows it. */
    public String kindText() {
        return kindText(kind);
    }

    public static String kindText(SessionKind kind) {
        if (kind == null) {
            return "Other";
        }
        switch (kind) {
            case CALL: return "Call";
            case REGISTRATION: return "Registration";
            case MESSAGE: return "Message";
            case SUBSCRIPTION: return "Subscription";
            case OPTIONS: return "Options";
            case POP3: return "POP3";
            default: return "Other";
        }
    }

    /** Copies a session; must run where the session may be read (the loading thread while loading). */
    public static SessionRow of(int index, SipSession s) {
        SessionSummary x = SessionSummary.of(index, s);
        String route = x.source().isEmpty() ? "" : x.source() + " \u2192 " + x.destination();
        return new SessionRow(index, x.startNanos(), timeOfDay(x.startNanos()), x.kind(), x.method(), x.from(), x.to(),
                x.state(), x.messages(), x.durationNanos(), x.postDialDelayNanos(), x.lastStatus(),
                x.lastStatusText(), x.transport(), route, x.callId(), x.related(), x.anomalies());
    }

    /**
     * Copies a POP3 session (after loading): from = the user, to = the server, state = how it ended ("UPDATE", "QUIT",
     * "AUTH FAILED", "STLS", "CUT OFF"), messages = commands sent, last status = the login method.
     */
    public static SessionRow of(Pop3Session s) {
        Pop3Login login = s.login();
        String user = s.user() == null ? "" : s.user();
        String route = s.client() + " \u2192 " + s.server();
        String method = login == null ? "" : login.method().displayName();
        return new SessionRow(s.index() - 1, Math.max(0, s.firstNanos()), timeOfDay(s.firstNanos()), SessionKind.POP3,
                "POP3", user, s.server().toString(), pop3State(s), s.commandCount(), s.durationNanos(), -1, -1, method,
                "TCP", route, "", List.of(), s.anomalies().size(), s.index());
    }

    /** The list's word for where a POP3 session ended. */
    public static String pop3State(Pop3Session s) {
        if (s.encrypted()) {
            return "STLS";
        }
        if (s.reachedUpdate()) {
            return "UPDATE";
        }
        Pop3Login login = s.login();
        if (login != null && !login.succeeded() && login.result() != dev.parley.session.pop3.AuthResult.UNANSWERED) {
            return "AUTH FAILED";
        }
        return s.quit() ? "QUIT" : "CUT OFF";
    }

    /** "hh:mm:ss.mmm" of a capture time, UTC; written by hand because it runs for every row while loading. */
    static String timeOfDay(long nanos) {
        if (nanos < 0) {
            return "";
        }
        long millisOfDay = Math.floorMod(nanos / 1_000_000L, 86_400_000L);
        int h = (int) (millisOfDay / 3_600_000L);
        int m = (int) (millisOfDay / 60_000L % 60);
        int sec = (int) (millisOfDay / 1000 % 60);
        int ms = (int) (millisOfDay % 1000);
        char[] c = {
            (char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10), (char) ('0' + m % 10), ':',
            (char) ('0' + sec / 10), (char) ('0' + sec % 10), '.',
            (char) ('0' + ms / 100), (char) ('0' + ms / 10 % 10), (char) ('0' + ms % 10)};
        return new String(c);
    }

    /** "1.234 s", "12:03" (m:ss) for long spans, or "" when unknown: durations and delays in the list. */
    public static String formatDuration(long nanos) {
        if (nanos < 0) {
            return "";
        }
        long ms = nanos / 1_000_000L;
        if (ms < 60_000) {
            long s = ms / 1000;
            long rest = ms % 1000;
            return s + "." + (rest < 100 ? (rest < 10 ? "00" : "0") : "") + rest + " s";
        }
        long totalSeconds = ms / 1000;
        long h = totalSeconds / 3600;
        long m = totalSeconds / 60 % 60;
        long s = totalSeconds % 60;
        String mmss = (m < 10 && h > 0 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
        return h > 0 ? h + ":" + mmss : mmss;
    }
}
