package dev.parley.diagram;

import java.util.List;

/**
 * The ladder of one or more SIP sessions, computed once and drawn by the canvas and every exporter (DESIGN.md
 * decision 7).
 *
 * @param columns             endpoints in order of first appearance
 * @param arrows              messages in time order
 * @param firstTimestampNanos time of the first arrow (0 when empty), the origin of relative times
 */
public record LadderModel(List<LadderColumn> columns, List<LadderArrow> arrows, long firstTimestampNanos) {

    public static final LadderModel EMPTY = new LadderModel(List.of(), List.of(), 0);

    public LadderModel {
        columns = List.copyOf(columns);
        arrows = List.copyOf(arrows);
    }

    public boolean isEmpty() {
        return arrows.isEmpty();
    }

    /** Time of an arrow relative to the first one. */
    public long relativeNanos(LadderArrow a) {
        return a.timestampNanos() - firstTimestampNanos;
    }
}
