package dev.parley.view.export;

import dev.parley.export.SessionColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The export columns of the session list's visible table columns, in the order shown. The table's columns are known
 * by their header text (SessionListView's titles); a title this map lacks is skipped, and a test checks that every
 * column of the real list is known.
 */
final class ListColumns {
    static final Map<String, List<SessionColumn>> BY_TITLE = Map.ofEntries(
            Map.entry("\u21c4", List.of(SessionColumn.RELATED)),
            Map.entry("Start", List.of(SessionColumn.START)),
            Map.entry("Method", List.of(SessionColumn.METHOD)),
            Map.entry("From", List.of(SessionColumn.FROM)),
            Map.entry("To", List.of(SessionColumn.TO)),
            Map.entry("State", List.of(SessionColumn.STATE)),
            Map.entry("Msgs", List.of(SessionColumn.MESSAGES)),
            Map.entry("Duration", List.of(SessionColumn.DURATION)),
            Map.entry("PDD", List.of(SessionColumn.PDD)),
            Map.entry("Last status", List.of(SessionColumn.LAST_STATUS)),
            Map.entry("Transport", List.of(SessionColumn.TRANSPORT)),
            Map.entry("Source \u2192 Destination", List.of(SessionColumn.SOURCE, SessionColumn.DESTINATION)),
            Map.entry("Call-ID", List.of(SessionColumn.CALL_ID)));

    /** The list's columns as first shown (every column visible), used when no table is attached. */
    static final List<SessionColumn> DEFAULT = List.of(SessionColumn.RELATED, SessionColumn.START,
            SessionColumn.METHOD, SessionColumn.FROM, SessionColumn.TO, SessionColumn.STATE, SessionColumn.MESSAGES,
            SessionColumn.DURATION, SessionColumn.PDD, SessionColumn.LAST_STATUS, SessionColumn.TRANSPORT,
            SessionColumn.SOURCE, SessionColumn.DESTINATION, SessionColumn.CALL_ID);

    private ListColumns() {
    }

    /** The visible leaf columns of the table, in display order (the user may have moved or hidden some). */
    static List<SessionColumn> of(TableView<?> table) {
        List<SessionColumn> out = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            List<SessionColumn> mapped = BY_TITLE.get(c.getText());
            if (mapped != null) {
                for (SessionColumn s : mapped) {
                    if (!out.contains(s)) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }
}
