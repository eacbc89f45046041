package dev.parley.export;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderColumn;
import dev.parley.diagram.LadderLayout;
import dev.parley.diagram.LadderModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The ladder as a Mermaid sequence diagram (renders in GitHub, GitLab and most wikis): one participant per column
 * (alias, then the endpoint), one message per arrow in order, labelled "label · time", with the SDP summary on a
 * second line; resent messages are dotted. The legend becomes a note over all participants.
 */
final class MermaidExporter {
    private MermaidExporter() {
    }

    static void write(Diagram diagram, OutputStream out) throws IOException {
        out.write(text(diagram).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String text(Diagram diagram) {
        LadderModel m = diagram.model();
        StringBuilder b = new StringBuilder("sequenceDiagram\n");
        if (!diagram.title().isEmpty()) {
            b.append("    title ").append(escape(diagram.title())).append('\n');
        }
        for (LadderColumn c : m.columns()) {
            b.append("    participant P").append(c.index()).append(" as ").append(escape(c.label()));
            if (c.aliased()) {
                b.append("<br/>").append(escape(c.key()));
            }
            b.append('\n');
        }
        for (LadderArrow a : m.arrows()) {
            b.append("    P").append(a.from()).append(a.resent() ? "-->>" : "->>").append('P').append(a.to())
                    .append(": ").append(escape(a.label())).append(" · ").append(LadderLayout.relativeTime(m, a));
            if (a.resent()) {
                b.append(" (resent)");
            }
            if (a.sdp() != null) {
                b.append("<br/>").append(escape(a.sdp()));
            }
            b.append('\n');
        }
        if (!diagram.legend().isEmpty() && !m.columns().isEmpty()) {
            b.append("    Note over P0");
            if (m.columns().size() > 1) {
                b.append(",P").append(m.columns().size() - 1);
            }
            b.append(": ");
            for (int i = 0; i < diagram.legend().size(); i++) {
                b.append(i == 0 ? "" : "<br/>").append(escape(diagram.legend().get(i)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Mermaid ends a statement at ';' and a line break, reads '#...;' as an entity: write those as entities. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ';' -> b.append("#59;");
                case '#' -> b.append("#35;");
                case '\r', '\n' -> b.append(' ');
                case '<' -> b.append("#lt;");
                case '>' -> b.append("#gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
