package dev.parley.export;

import dev.parley.session.SessionSummary;
import dev.parley.session.sip.SipCall;
import dev.parley.session.sip.SipSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The legend of a SIP ladder: per session its Call-ID, parties and state, and for calls the timings (setup time,
 * post-dial delay, duration) and who hung up and why, from {@link SipCall}. Users pass through the redactor.
 */
public final class CallLegend {
    private CallLegend() {
    }

    /** Legend lines for the sessions, the first a heading; empty for no sessions. */
    public static List<String> of(List<SipSession> sessions, Redactor redactor) {
        List<String> lines = new ArrayList<>();
        if (sessions.isEmpty()) {
            return lines;
        }
        lines.add(sessions.size() == 1 ? "Legend" : "Legend (" + sessions.size() + " sessions)");
        for (SipSession s : sessions) {
            SessionSummary sum = SessionSummary.of(0, s);
            String kind = s.kind() == null ? "Session" : word(s.kind().name());
            lines.add(kind + " " + s.callId() + ": " + party(redactor, s.caller()) + " -> "
                    + party(redactor, s.callee()) + (sum.state().isEmpty() ? "" : ", " + sum.state()) + ", "
                    + sum.messages() + " messages");
            SipCall c = s.call();
            if (c != null) {
                lines.add("  setup time " + seconds(c.setupTimeNanos()) + " · post-dial delay "
                        + seconds(c.postDialDelayNanos()) + " · duration " + seconds(c.durationNanos()));
                lines.add("  " + ending(c));
            } else if (s.firstNanos() >= 0) {
                lines.add("  span " + seconds(s.lastNanos() - s.firstNanos()));
            }
        }
        return lines;
    }

    /** "ended by caller: BYE (Reason: ...)", or why the call has no end. */
    static String ending(SipCall c) {
        if (c.endedBy() == null) {
            return c.isOpenAtEnd() ? "not ended: still " + c.state().displayName() + " at the end of the capture"
                    : "not ended";
        }
        return "ended by " + c.endedBy().name().toLowerCase(Locale.ROOT) + ": "
                + (c.endReason() == null ? "?" : c.endReason())
                + (c.reasonHeader() == null ? "" : " (Reason: " + c.reasonHeader() + ")");
    }

    /** Seconds with milliseconds ("0.410 s"), or "-" when the timing does not apply. */
    static String seconds(long nanos) {
        if (nanos < 0) {
            return "-";
        }
        long millis = Math.round(nanos / 1e6);
        String frac = Long.toString(millis % 1000);
        return millis / 1000 + "." + "000".substring(frac.length()) + frac + " s";
    }

    private static String party(Redactor r, String user) {
        return user == null || user.isEmpty() ? "?" : r.user(user);
    }

    private static String word(String enumName) {
        String lower = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
