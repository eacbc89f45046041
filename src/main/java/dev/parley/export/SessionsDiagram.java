package dev.parley.export;

import dev.parley.diagram.LadderModel;
import dev.parley.diagram.LadderModelBuilder;
import dev.parley.diagram.LadderOptions;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@link Diagram} of a selection of SIP and POP3 sessions, as the CLI and the desktop export it: the SIP ladder
 * and one ladder per POP3 session merged by time ({@link LadderMerger}), a title, and the legend of both.
 */
public final class SessionsDiagram {
    private SessionsDiagram() {
    }

    /**
     * @param revealSecrets show POP3 passwords (ignored when the redactor is active)
     * @param legend        add the legend lines (SIP timings, POP3 logins and outcomes)
     */
    public static Diagram build(List<SipSession> sip, List<Pop3Session> pop3, LadderOptions options,
                                Function<SipMessageRef, byte[]> bytes, boolean revealSecrets, Redactor redactor,
                                boolean legend) {
        List<LadderModel> models = new ArrayList<>();
        if (!sip.isEmpty()) {
            models.add(LadderModelBuilder.build(sip, options, bytes));
        }
        for (Pop3Session s : pop3) {
            models.add(Pop3Diagram.ladder(s, options, revealSecrets, redactor));
        }
        LadderModel ladder = models.isEmpty() ? LadderModel.EMPTY : LadderMerger.merge(models);
        return new Diagram(ladder, title(sip, pop3, redactor), legend ? legend(sip, pop3, redactor) : List.of());
    }

    /** "Call-ID x", "POP3 session 1 (alice)", or "3 sessions". */
    public static String title(List<SipSession> sip, List<Pop3Session> pop3, Redactor redactor) {
        if (sip.size() + pop3.size() != 1) {
            return (sip.size() + pop3.size()) + " sessions";
        }
        return sip.isEmpty() ? Pop3Diagram.title(pop3.get(0), redactor) : "Call-ID " + sip.get(0).callId();
    }

    /** The legend: a heading line, then the SIP sessions' lines, then the POP3 sessions'. */
    public static List<String> legend(List<SipSession> sip, List<Pop3Session> pop3, Redactor redactor) {
        List<String> lines = new ArrayList<>(CallLegend.of(sip, redactor));
        if (!pop3.isEmpty()) {
            int n = sip.size() + pop3.size();
            if (lines.isEmpty()) {
                lines.add(n == 1 ? "Legend" : "Legend (" + n + " sessions)");
            } else {
                lines.set(0, "Legend (" + n + " sessions)");
            }
            lines.addAll(Pop3Diagram.legend(pop3, redactor));
        }
        return lines;
    }

    /** "1 session, 7 messages", "1 session, 12 POP3 commands", or both counts for a mixed selection. */
    public static String counted(List<SipSession> sip, List<Pop3Session> pop3) {
        int n = sip.size() + pop3.size();
        int messages = 0;
        for (SipSession s : sip) {
            messages += s.messages().size();
        }
        int commands = 0;
        for (Pop3Session s : pop3) {
            commands += s.commandCount();
        }
        return n + (n == 1 ? " session, " : " sessions, ")
                + (sip.isEmpty() && !pop3.isEmpty() ? "" : messages + " messages")
                + (pop3.isEmpty() ? "" : (sip.isEmpty() ? "" : ", ") + commands + " POP3 commands");
    }
}
