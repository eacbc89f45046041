package dev.parley.export;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderColumn;
import dev.parley.diagram.LadderLayout;
import dev.parley.diagram.LadderModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The ladder as a PlantUML sequence diagram: one participant per column (alias and endpoint), one message per arrow
 * in order, coloured by transaction like the screen, labelled "label · time" with the CSeq and SDP summary as small
 * lines; resent messages are dashed. The legend becomes a PlantUML legend.
 */
final class PlantUmlExporter {
    private PlantUmlExporter() {
    }

    static void write(Diagram diagram, OutputStream out) throws IOException {
        out.write(text(diagram).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String text(Diagram diagram) {
        LadderModel m = diagram.model();
        StringBuilder b = new StringBuilder("@startuml\n");
        if (!diagram.title().isEmpty()) {
            b.append("title ").append(escape(diagram.title())).append('\n');
        }
        b.append("skinparam sequenceMessageAlign center\n");
        for (LadderColumn c : m.columns()) {
            b.append("participant \"").append(quoted(c.label()));
            if (c.aliased()) {
                b.append("\\n").append(quoted(c.key()));
            }
            b.append("\" as P").append(c.index()).append('\n');
        }
        for (LadderArrow a : m.arrows()) {
            String colour = LadderStyle.paletteHex(a.colour());
            b.append('P').append(a.from()).append(a.resent() ? " -[" + colour + ",dashed]> P" : " -[" + colour + "]> P")
                    .append(a.to()).append(" : ").append(escape(a.label())).append(" · ")
                    .append(LadderLayout.relativeTime(m, a));
            if (a.resent()) {
                b.append(" (resent)");
            }
            if (a.detail() != null && !a.detail().isEmpty()) {
                b.append("\\n<size:9>").append(escape(a.detail())).append("</size>");
            }
            if (a.sdp() != null) {
                b.append("\\n<size:9><i>").append(escape(a.sdp())).append("</i></size>");
            }
            b.append('\n');
        }
        if (!diagram.legend().isEmpty()) {
            b.append("legend left\n");
            for (String l : diagram.legend()) {
                b.append(escape(l)).append('\n');
            }
            b.append("endlegend\n");
        }
        return b.append("@enduml\n").toString();
    }

    private static String quoted(String s) {
        return escape(s).replace("\"", "'");
    }

    /** PlantUML reads "\n" in a label as a line break and creole markup in "<...>": neutralise both. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\r", " ").replace("\n", " ").replace("\\", "\\\\").replace("<", "~<");
    }
}
