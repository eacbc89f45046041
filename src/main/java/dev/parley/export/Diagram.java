package dev.parley.export;

import dev.parley.diagram.LadderModel;
import java.util.List;

/**
 * What a diagram exporter draws: the ladder (the same model as the screen) and an optional legend.
 *
 * @param model  the ladder of one or several sessions, of any kind that yields a LadderModel
 * @param title  a short name for the drawing (file titles, PDF page footers); may be empty
 * @param legend lines of text drawn under the ladder (e.g. {@link CallLegend#of}); empty for none
 */
public record Diagram(LadderModel model, String title, List<String> legend) {

    public Diagram {
        title = title == null ? "" : title;
        legend = legend == null ? List.of() : List.copyOf(legend);
    }

    public static Diagram of(LadderModel model) {
        return new Diagram(model, "", List.of());
    }
}
