package dev.parley.view.sessions;

import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.sip.SessionKind;
import dev.parley.session.sip.SipSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State of the session list: all rows (appended in batches while loading, replaced once at the end), the quick text
 * filter and the kind/method/state filters over them, and the selection resolved to sessions once loading is done. Runs on
 * the FX thread only; holds no Node.
 */
public final class SessionListViewModel {
    /** The state filter's choices besides "all"; call states first, then the other kinds' states. */
    public static final List<String> STATES = List.of("CALL SETUP", "RINGING", "IN CALL", "COMPLETED", "CANCELLED",
            "REJECTED", "BUSY", "DIVERTED", "REGISTERED", "UNREGISTERED", "CHALLENGED", "FAILED", "DELIVERED",
            "SENT", "ACTIVE", "TERMINATED", "UPDATE", "QUIT", "AUTH FAILED", "STLS", "CUT OFF");

    private final ObservableList<SessionRow> rows = FXCollections.observableArrayList();
    private final FilteredList<SessionRow> filtered = new FilteredList<>(rows);
    private final SortedList<SessionRow> sorted = new SortedList<>(filtered);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<SessionKind> kindFilter = new SimpleObjectProperty<>(this, "kindFilter");
    private final StringProperty stateFilter = new SimpleStringProperty(this, "stateFilter");
    private final StringProperty methodFilter = new SimpleStringProperty(this, "methodFilter");
    /** The methods of the rows (each session's first request; POP3 rows their login), sorted, for the filter. */
    private final ObservableList<String> methods = FXCollections.observableArrayList();
    private final ObservableList<String> methodsView = FXCollections.unmodifiableObservableList(methods);
    private final Set<String> methodSet = new HashSet<>();
    private final ReadOnlyIntegerWrapper visibleCount = new ReadOnlyIntegerWrapper(this, "visibleCount");
    private final ObservableList<SessionRow> selectedRows = FXCollections.observableArrayList();
    private final ObservableList<SipSession> selectedSessions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<SessionRow>> requestedSelection =
            new ReadOnlyObjectWrapper<>(this, "requestedSelection", List.of());
    // read-only views made once: an unmodifiable wrapper listens weakly to its list, so a fresh one per call
    // would be collected together with the listeners added to it
    private final ObservableList<SessionRow> allRowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<SessionRow> selectedRowsView = FXCollections.unmodifiableObservableList(selectedRows);
    private final ObservableList<SipSession> selectedSessionsView =
            FXCollections.unmodifiableObservableList(selectedSessions);
    private final ObservableList<Pop3Session> selectedPop3 = FXCollections.observableArrayList();
    private final ObservableList<Pop3Session> selectedPop3View = FXCollections.unmodifiableObservableList(selectedPop3);
    private List<SipSession> sessions = List.of();
    private List<Pop3Session> pop3Sessions = List.of();

    public SessionListViewModel() {
        filterText.addListener((o, a, b) -> updatePredicate());
        kindFilter.addListener((o, a, b) -> updatePredicate());
        stateFilter.addListener((o, a, b) -> updatePredicate());
        methodFilter.addListener((o, a, b) -> updatePredicate());
        filtered.addListener((javafx.collections.ListChangeListener<SessionRow>) c -> visibleCount.set(filtered.size()));
    }

    /** Rows after filtering, in the table's sort order (the table binds its comparator to it). */
    public SortedList<SessionRow> rows() {
        return sorted;
    }

    /** Every row, unfiltered. */
    public ObservableList<SessionRow> allRows() {
        return allRowsView;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Kind to show, null for all. */
    public ObjectProperty<SessionKind> kindFilterProperty() {
        return kindFilter;
    }

    /** Method to show (as the Method column says it, one of {@link #methods()}), null for all. */
    public StringProperty methodFilterProperty() {
        return methodFilter;
    }

    /** The distinct methods of the rows so far, sorted: the method filter's choices besides "all". */
    public ObservableList<String> methods() {
        return methodsView;
    }

    /** State text to show (one of {@link #STATES}), null for all. */
    public StringProperty stateFilterProperty() {
        return stateFilter;
    }

    public ReadOnlyIntegerProperty visibleCountProperty() {
        return visibleCount.getReadOnlyProperty();
    }

    /** Sessions of the selected rows; empty while loading (sessions change until the load ends). */
    public ObservableList<SipSession> selectedSessions() {
        return selectedSessionsView;
    }

    /** POP3 sessions of the selected rows; empty while loading (POP3 rows are added when the load ends). */
    public ObservableList<Pop3Session> selectedPop3Sessions() {
        return selectedPop3View;
    }

    public ObservableList<SessionRow> selectedRows() {
        return selectedRowsView;
    }

    /** Rows the view should select (set by actions such as "select related legs"; the view applies it). */
    public ReadOnlyObjectProperty<List<SessionRow>> requestedSelectionProperty() {
        return requestedSelection.getReadOnlyProperty();
    }

    /** Appends rows published while loading. */
    public void append(Collection<SessionRow> batch) {
        rows.addAll(batch);
        noteMethods(batch);
    }

    private void noteMethods(Collection<SessionRow> batch) {
        boolean added = false;
        for (SessionRow r : batch) {
            String m = r.method();
            added |= m != null && !m.isEmpty() && methodSet.add(m);
        }
        if (added) {
            List<String> sortedMethods = new ArrayList<>(methodSet);
            Collections.sort(sortedMethods);
            methods.setAll(sortedMethods);
        }
    }

    /**
     * Replaces every row with the final copies and makes the sessions available to the selection; the selection is
     * kept by Call-ID, or the first row is selected when there was none.
     */
    public void complete(List<SessionRow> finalRows, List<SipSession> finalSessions) {
        complete(finalRows, finalSessions, List.of());
    }

    /** The same with the capture's POP3 sessions, whose rows ({@link SessionRow#isPop3()}) are among the final rows. */
    public void complete(List<SessionRow> finalRows, List<SipSession> finalSessions, List<Pop3Session> finalPop3) {
        Set<String> keep = new HashSet<>();
        for (SessionRow r : selectedRows) {
            keep.add(r.key());
        }
        sessions = List.copyOf(finalSessions);
        pop3Sessions = List.copyOf(finalPop3);
        rows.setAll(finalRows);
        noteMethods(finalRows);
        List<SessionRow> again = new ArrayList<>();
        if (keep.isEmpty() && !sorted.isEmpty()) {
            again.add(sorted.get(0)); // nothing chosen yet: show the first session rather than an empty ladder
        } else if (!keep.isEmpty()) {
            for (SessionRow r : finalRows) {
                if (keep.contains(r.key())) {
                    again.add(r);
                }
            }
        }
        requestedSelection.set(List.copyOf(again));
        resolveSelection();
    }

    /** Forgets every row and session (a file closed or another one being opened). */
    public void clear() {
        sessions = List.of();
        pop3Sessions = List.of();
        selectedRows.clear();
        selectedSessions.clear();
        selectedPop3.clear();
        rows.clear();
        methodSet.clear();
        methods.clear();
    }

    /** The view reports the table's selection here. */
    public void select(List<SessionRow> selection) {
        if (selection.equals(selectedRows)) {
            return;
        }
        selectedRows.setAll(selection);
        resolveSelection();
    }

    /** Asks the view to select the rows of {@code row} and of every leg related to it. */
    public void selectRelated(SessionRow row) {
        requestedSelection.set(relatedRows(row));
    }

    /** The row itself and the rows of its related legs (named by it, or naming it), in list order. */
    public List<SessionRow> relatedRows(SessionRow row) {
        Set<String> ids = new HashSet<>(row.relatedCallIds());
        ids.add(row.callId());
        List<SessionRow> out = new ArrayList<>();
        for (SessionRow r : rows) {
            if (ids.contains(r.callId()) || r.relatedCallIds().contains(row.callId())) {
                out.add(r);
            }
        }
        return out;
    }

    private void resolveSelection() {
        List<SipSession> out = new ArrayList<>(selectedRows.size());
        List<Pop3Session> pop3 = new ArrayList<>();
        for (SessionRow r : selectedRows) {
            if (r.isPop3()) {
                if (r.pop3() <= pop3Sessions.size()) {
                    pop3.add(pop3Sessions.get(r.pop3() - 1));
                }
            } else if (r.index() < sessions.size() && sessions.get(r.index()).callId().equals(r.callId())) {
                out.add(sessions.get(r.index()));
            }
        }
        // SIP first: a listener of the POP3 list then sees the SIP selection already settled
        if (!out.equals(selectedSessions)) {
            selectedSessions.setAll(out);
        }
        if (!pop3.equals(selectedPop3)) {
            selectedPop3.setAll(pop3);
        }
    }

    private void updatePredicate() {
        String text = filterText.get() == null ? "" : filterText.get().strip();
        SessionKind kind = kindFilter.get();
        String state = stateFilter.get();
        String method = methodFilter.get();
        if (text.isEmpty() && kind == null && state == null && method == null) {
            filtered.setPredicate(null);
            return;
        }
        Predicate<SessionRow> p = r -> (kind == null || kind == r.kind())
                && (state == null || state.equals(r.state()))
                && (method == null || method.equals(r.method()))
                && (text.isEmpty() || matchesText(r, text));
        filtered.setPredicate(p);
    }

    /** The quick filter: Call-ID, users and numbers, addresses, method; case-insensitive substring. */
    static boolean matchesText(SessionRow r, String text) {
        if (contains(r.callId(), text) || contains(r.from(), text) || contains(r.to(), text)
                || contains(r.route(), text) || contains(r.method(), text)) {
            return true;
        }
        for (String id : r.relatedCallIds()) {
            if (contains(id, text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String haystack, String needle) {
        int n = needle.length();
        for (int i = 0, last = haystack.length() - n; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
