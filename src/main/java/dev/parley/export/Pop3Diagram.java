package dev.parley.export;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderModel;
import dev.parley.diagram.LadderOptions;
import dev.parley.diagram.Pop3LadderBuilder;
import dev.parley.session.pop3.Pop3Login;
import dev.parley.session.pop3.Pop3Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The POP3 side of the diagram exports: a session's ladder (from {@link Pop3LadderBuilder}, passwords masked unless
 * revealed), its legend lines and title, and the user names replaced when a redactor is active (a redacting export
 * never reveals secrets).
 */
public final class Pop3Diagram {
    private Pop3Diagram() {
    }

    /** The ladder of one session; {@code reveal} is ignored when the redactor is active. */
    public static LadderModel ladder(Pop3Session session, LadderOptions options, boolean reveal, Redactor redactor) {
        LadderModel m = Pop3LadderBuilder.build(session, options, reveal && !redactor.active());
        if (!redactor.active()) {
            return m;
        }
        List<LadderArrow> arrows = new ArrayList<>(m.arrows().size());
        for (LadderArrow a : m.arrows()) {
            arrows.add(new LadderArrow(a.index(), a.from(), a.to(), users(a.label(), session, redactor), a.detail(),
                    a.timestampNanos(), a.deltaNanos(), a.colour(), a.resent(), a.sdp(), a.message()));
        }
        return new LadderModel(m.columns(), arrows, m.firstTimestampNanos());
    }

    /** "POP3 session 2 (alice)", the user through the redactor. */
    public static String title(Pop3Session s, Redactor redactor) {
        String user = s.user();
        return "POP3 session " + s.index() + (user == null || user.isEmpty() ? "" : " (" + redactor.user(user) + ")");
    }

    /** One legend line per session (and one of timings), without a heading. */
    public static List<String> legend(List<Pop3Session> sessions, Redactor redactor) {
        List<String> lines = new ArrayList<>();
        for (Pop3Session s : sessions) {
            Pop3Login l = s.login();
            String login = l == null ? "no login" : redactor.user(l.user() == null ? "?" : l.user()) + " by "
                    + l.method().displayName()
                    + ", " + l.result().name().toLowerCase(Locale.ROOT);
            lines.add(title(s, redactor) + ": " + s.client() + " -> " + s.server() + ", " + login + ", "
                    + s.commandCount() + " commands, " + s.mails().size() + " mails retrieved, "
                    + s.deleted().size() + " deleted, " + s.outcome());
            if (s.firstNanos() >= 0) {
                lines.add("  span " + CallLegend.seconds(s.durationNanos()));
            }
        }
        return lines;
    }

    /** Text with the session's user names replaced by the redactor's placeholders; unchanged when inactive. */
    static String users(String text, Pop3Session s, Redactor redactor) {
        if (!redactor.active() || text == null) {
            return text;
        }
        String out = text;
        for (Pop3Login l : s.logins()) {
            String u = l.user();
            if (u != null && !u.isEmpty()) {
                out = out.replace(u, redactor.user(u));
            }
        }
        return out;
    }
}
