package dev.parley.export;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderColumn;
import dev.parley.diagram.LadderModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws ladders of different protocols in one diagram (a SIP call and the POP3 sessions next to it): columns are
 * joined by endpoint key in order of first appearance, arrows interleaved by time (ties keep model order), with
 * their colours shifted per model so two sessions never share a colour.
 */
public final class LadderMerger {
    private LadderMerger() {
    }

    /** One ladder holding the arrows of all; a single model is returned as it is. */
    public static LadderModel merge(List<LadderModel> models) {
        if (models.size() == 1) {
            return models.get(0);
        }
        Map<String, LadderColumn> columns = new LinkedHashMap<>();
        List<LadderArrow> arrows = new ArrayList<>();
        int colourBase = 0;
        for (LadderModel m : models) {
            int[] map = new int[m.columns().size()];
            for (LadderColumn c : m.columns()) {
                LadderColumn joined = columns.computeIfAbsent(c.key(),
                        k -> new LadderColumn(columns.size(), k, c.label()));
                map[c.index()] = joined.index();
            }
            int maxColour = -1;
            for (LadderArrow a : m.arrows()) {
                arrows.add(new LadderArrow(0, map[a.from()], map[a.to()], a.label(), a.detail(), a.timestampNanos(),
                        0, colourBase + a.colour(), a.resent(), a.sdp(), a.message()));
                maxColour = Math.max(maxColour, a.colour());
            }
            colourBase += maxColour + 1;
        }
        arrows.sort(Comparator.comparingLong(LadderArrow::timestampNanos)); // stable: ties keep model order
        List<LadderArrow> out = new ArrayList<>(arrows.size());
        long first = arrows.isEmpty() ? 0 : arrows.get(0).timestampNanos();
        long previous = first;
        for (LadderArrow a : arrows) {
            out.add(new LadderArrow(out.size(), a.from(), a.to(), a.label(), a.detail(), a.timestampNanos(),
                    a.timestampNanos() - previous, a.colour(), a.resent(), a.sdp(), a.message()));
            previous = a.timestampNanos();
        }
        return new LadderModel(List.copyOf(columns.values()), out, first);
    }
}
