package dev.parley.export;

import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/**
 * A report of one call (or a few sessions together) as one self-contained HTML file that can be mailed: the timings,
 * the ladder as inline SVG, then every message's text. No script, no external resource. The same redactor runs over
 * the legend and the messages, so placeholders agree across the report.
 */
public final class HtmlReportExporter {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:24px;max-width:1200px}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
            .meta{color:#656d76;font-size:13px;margin:0 0 16px}
            ul.timings{list-style:none;padding:0;margin:0;font-size:14px}ul.timings li{margin:2px 0}
            .ladder{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px;padding:4px;margin:8px 0}
            .msg h3{font-size:13px;font-weight:600;margin:16px 0 4px;color:#0969da}
            .msg pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:8px;font-size:12px;
            overflow-x:auto;white-space:pre}
            """;

    private HtmlReportExporter() {
    }

    /**
     * @param diagram the ladder of the sessions, with its legend (the timings list shows the legend's lines)
     */
    public static void write(List<SipSession> sessions, Diagram diagram, Function<SipMessageRef, byte[]> bytes,
                             Redactor redactor, Writer out) throws IOException {
        write(sessions, List.of(), false, diagram, bytes, redactor, out);
    }

    /**
     * The same with POP3 sessions: after the SIP messages, each POP3 session's exchanges as text
     * ({@link Pop3TextExporter}), passwords masked unless {@code revealSecrets} (never when redacting).
     */
    public static void write(List<SipSession> sessions, List<Pop3Session> pop3, boolean revealSecrets,
                             Diagram diagram, Function<SipMessageRef, byte[]> bytes, Redactor redactor, Writer out)
            throws IOException {
        String title = diagram.title().isEmpty() ? "Call flow" : diagram.title();
        StringBuilder b = new StringBuilder(16 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(escape(title)).append("</h1>\n");
        List<SipMessageRef> messages = MessageTextExporter.messages(sessions);
        int commands = 0;
        for (Pop3Session s : pop3) {
            commands += s.commandCount();
        }
        b.append("<p class=\"meta\">").append(sessions.isEmpty() && !pop3.isEmpty() ? ""
                        : messages.size() + " messages")
                .append(pop3.isEmpty() ? "" : (sessions.isEmpty() ? "" : " · ") + pop3.size() + " POP3 "
                        + (pop3.size() == 1 ? "session, " : "sessions, ") + commands + " commands"
                        + (revealSecrets && !redactor.active() ? " · passwords shown" : " · passwords masked"))
                .append(redactor.active() ? " · users, numbers and credentials redacted" : "")
                .append(" · made by Parley</p>\n");
        List<String> legend = diagram.legend().isEmpty() && !sessions.isEmpty() ? CallLegend.of(sessions, redactor)
                : diagram.legend();
        if (!legend.isEmpty()) {
            b.append("<h2>Timings</h2>\n<ul class=\"timings\">\n");
            for (String line : legend.subList(1, legend.size())) {
                b.append("<li>").append(escape(line.strip())).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<h2>Ladder</h2>\n<div class=\"ladder\">\n")
                .append(SvgExporter.element(new Diagram(diagram.model(), diagram.title(), List.of())))
                .append("\n</div>\n").append(messages.isEmpty() ? "" : "<h2>Messages</h2>\n");
        int n = 1;
        for (SipMessageRef m : messages) {
            b.append("<div class=\"msg\" id=\"msg-").append(n).append("\">\n<h3>")
                    .append(escape(MessageTextExporter.heading(n, m).substring("===== ".length())))
                    .append("</h3>\n<pre>").append(escape(MessageTextExporter.text(m, bytes, redactor)))
                    .append("</pre>\n</div>\n");
            n++;
        }
        for (Pop3Session s : pop3) {
            b.append("<h2>").append(escape(Pop3Diagram.title(s, redactor))).append("</h2>\n<div class=\"msg\">\n<h3>")
                    .append(escape(Pop3TextExporter.heading(s, redactor).substring("===== ".length())))
                    .append("</h3>\n<pre>").append(escape(Pop3TextExporter.text(s, revealSecrets, redactor)))
                    .append("</pre>\n</div>\n");
        }
        b.append("</body>\n</html>\n");
        out.write(b.toString());
        out.flush();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
