package dev.parley.view.callflow;

import dev.parley.view.callflow.Rows.Field;
import dev.parley.view.callflow.Rows.MediaRow;
import dev.parley.view.callflow.Rows.PagerRow;
import dev.parley.view.callflow.Rows.Party;
import dev.parley.view.callflow.Rows.TimelineRow;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A compact call summary: headline with a state badge, the parties, the timings, the state timeline as a bar and a
 * list, the negotiated media; for other sessions their facts, transactions and pager messages.
 */
public final class CallFlowView extends Region {
    public static final String STYLE_CLASS = "call-flow";
    public static final String HEADLINE_CLASS = "call-flow-headline";
    public static final String BADGE_CLASS = "call-flow-badge";
    public static final String SECTION_CLASS = "call-flow-section";
    public static final String KEY_CLASS = "call-flow-key";
    public static final String VALUE_CLASS = "call-flow-value";
    public static final String TIMELINE_BAR_CLASS = "call-flow-timeline-bar";
    public static final String MEDIA_TABLE_CLASS = "call-flow-media";
    public static final String PAGER_TABLE_CLASS = "call-flow-pager";
    /** Badge and timeline segment classes: "tone-" + the tone in lower case. */
    public static final String TONE_PREFIX = "tone-";
    /** Timeline segment and swatch classes: "state-" + the call state's display name, lower case, dashed. */
    public static final String STATE_PREFIX = "state-";

    private static final String CSS = """
            .call-flow { -fx-background-color: -fx-background; }
            .call-flow-headline { -fx-font-size: 15px; -fx-font-weight: bold; }
            .call-flow-badge { -fx-padding: 2 8 2 8; -fx-background-radius: 9; -fx-text-fill: white;
                -fx-font-weight: bold; -fx-font-size: 11px; }
            .call-flow-kind { -fx-text-fill: #666; }
            .call-flow-section { -fx-font-weight: bold; -fx-text-fill: #444; -fx-padding: 8 0 2 0; }
            .call-flow-key { -fx-text-fill: #666; }
            .call-flow-value { -fx-font-family: 'Monospaced'; }
            .call-flow-segment { -fx-min-height: 14px; -fx-pref-height: 14px; -fx-border-color: white;
                -fx-border-width: 0 1 0 0; }
            .tone-neutral { -fx-background-color: #78909c; }
            .tone-progress { -fx-background-color: #1e88e5; }
            .tone-active { -fx-background-color: #43a047; }
            .tone-success { -fx-background-color: #2e7d32; }
            .tone-warning { -fx-background-color: #ef6c00; }
            .tone-failure { -fx-background-color: #c62828; }
            .state-call-setup { -fx-background-color: #90a4ae; }
            .state-ringing { -fx-background-color: #fbc02d; }
            .state-in-call { -fx-background-color: #43a047; }
            .state-completed { -fx-background-color: #2e7d32; }
            .state-cancelled, .state-diverted { -fx-background-color: #ef6c00; }
            .state-rejected, .state-busy { -fx-background-color: #c62828; }
            .call-flow-swatch { -fx-min-width: 10px; -fx-min-height: 10px; -fx-max-width: 10px; -fx-max-height: 10px; }
            .call-flow-empty { -fx-text-fill: #888; -fx-padding: 12; }
            """;

    private boolean refreshQueued; // a rebuild is posted to the FX thread
    private final CallFlowViewModel vm;
    private final Label badge = new Label();
    private final GridPane parties = grid();
    private final GridPane timings = grid();
    private final HBox bar = new HBox();
    private final GridPane timelineList = grid();
    private final GridPane details = grid();
    private final TableView<MediaRow> media = new TableView<>();
    private final TableView<PagerRow> pager = new TableView<>();
    private final Label timingsTitle = section("Timings");
    private final Label mediaTitle = section("Media (SDP)");
    private final Label pagerTitle = section("Messages");
    private final Label timelineTitle = section("State timeline");
    private final VBox content = new VBox(2);
    private final Label empty = new Label("No session selected");
    private final ScrollPane scroll = new ScrollPane(content);

    public CallFlowView(CallFlowViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8)));

        Label headline = new Label();
        headline.getStyleClass().add(HEADLINE_CLASS);
        headline.textProperty().bind(vm.headlineProperty());
        headline.setMinWidth(0);
        headline.setTooltip(new Tooltip());
        headline.getTooltip().textProperty().bind(vm.headlineProperty());
        badge.getStyleClass().add(BADGE_CLASS);
        badge.textProperty().bind(vm.stateProperty());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Label kind = new Label();
        kind.getStyleClass().add("call-flow-kind");
        kind.textProperty().bind(vm.kindProperty());
        kind.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(10, headline, badge, kind);
        header.setAlignment(Pos.CENTER_LEFT);

        bar.getStyleClass().add(TIMELINE_BAR_CLASS);
        bar.setMinHeight(14);
        bar.setMaxWidth(Double.MAX_VALUE);

        media.getStyleClass().add(MEDIA_TABLE_CLASS);
        media.setItems(vm.media());
        media.setFixedCellSize(24);
        media.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        media.getColumns().setAll(List.of(column("Side", MediaRow::side, 130), column("Media", MediaRow::media, 60),
                column("Address", MediaRow::address, 130), column("Direction", MediaRow::direction, 80),
                column("Codecs", MediaRow::codecs, 260)));
        pager.getStyleClass().add(PAGER_TABLE_CLASS);
        pager.setItems(vm.pagerMessages());
        pager.setFixedCellSize(24);
        pager.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pager.getColumns().setAll(List.of(column("Time", PagerRow::time, 80), column("From", PagerRow::from, 140),
                column("To", PagerRow::to, 100), column("Status", PagerRow::status, 90),
                column("Text", PagerRow::text, 300)));

        content.setPadding(new Insets(8, 10, 10, 10));
        content.setFillWidth(true);
        content.getChildren().setAll(header, section("Parties"), parties, timingsTitle, timings, timelineTitle, bar,
                timelineList, mediaTitle, media, pagerTitle, pager, section("Details"), details);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        empty.getStyleClass().add("call-flow-empty");
        getChildren().addAll(scroll, empty);

        vm.sessionProperty().addListener((o, was, now) -> refreshSoon());
        vm.toneProperty().addListener((o, was, now) -> refreshSoon());
        vm.timeline().addListener((ListChangeListener<TimelineRow>) c -> refreshSoon());
        vm.media().addListener((ListChangeListener<MediaRow>) c -> refreshSoon());
        vm.details().addListener((ListChangeListener<Field>) c -> refreshSoon());
        refresh();
    }

    /**
     * Showing a session changes the session, tone, timeline, media and details one after the other: the panel is
     * rebuilt once, in an FX task after them, instead of five times.
     */
    private void refreshSoon() {
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                refreshQueued = false;
                refresh();
            });
        }
    }

    private void refresh() {
        boolean has = vm.sessionProperty().get() != null;
        scroll.setVisible(has);
        empty.setVisible(!has);
        badge.getStyleClass().removeIf(s -> s.startsWith(TONE_PREFIX));
        badge.getStyleClass().add(toneClass(vm.toneProperty().get()));
        boolean call = vm.callProperty().get();

        parties.getChildren().clear();
        party(vm.callerProperty().get(), 0);
        party(vm.calleeProperty().get(), 1);

        timings.getChildren().clear();
        show(call, timingsTitle, timings);
        if (call) {
            pair(timings, 0, 0, "Post-dial delay", vm.postDialDelayProperty().get());
            pair(timings, 0, 2, "Setup time", vm.setupTimeProperty().get());
            pair(timings, 1, 0, "Ring time", vm.ringTimeProperty().get());
            pair(timings, 1, 2, "Duration", vm.durationProperty().get());
            pair(timings, 2, 0, "Ended by", vm.endedByProperty().get());
            pair(timings, 2, 2, "End reason", vm.endReasonProperty().get());
        }

        timelineTitle.setText(call ? "State timeline" : "Transactions");
        buildBar(call);
        timelineList.getChildren().clear();
        int r = 0;
        for (TimelineRow t : vm.timeline()) {
            Label time = value(t.time());
            Label state = value(t.state());
            if (call) {
                Region swatch = new Region();
                swatch.getStyleClass().addAll("call-flow-swatch", stateClass(t.state()));
                state.setGraphic(swatch);
            }
            Label msg = value(t.message() + (t.frame() >= 0 ? "  (frame " + t.frame() + ")" : ""));
            msg.getStyleClass().setAll("label", KEY_CLASS);
            if (call) {
                timelineList.addRow(r++, time, state, msg);
            } else {
                // transactions read "REGISTER 1 -> 401 Unauthorized in 136 µs"
                msg.setText(t.message());
                timelineList.addRow(r++, time, msg, state);
            }
        }
        show(!vm.media().isEmpty(), mediaTitle, media);
        media.setPrefHeight(28 + 24 * Math.max(1, vm.media().size()) + 4);
        show(!vm.pagerMessages().isEmpty(), pagerTitle, pager);
        pager.setPrefHeight(28 + 24 * Math.max(1, vm.pagerMessages().size()) + 4);

        details.getChildren().clear();
        r = 0;
        for (Field f : vm.details()) {
            pair(details, r++, 0, f.label(), f.value());
        }
    }

    /** Segments between state changes, widths proportional to time (a minimum so short steps stay visible). */
    private void buildBar(boolean call) {
        bar.getChildren().clear();
        List<TimelineRow> rows = vm.timeline();
        bar.setVisible(call && !rows.isEmpty());
        bar.setManaged(bar.isVisible());
        if (!bar.isVisible()) {
            return;
        }
        long end = Math.max(1, rows.get(rows.size() - 1).offsetNanos());
        for (int i = 0; i < rows.size(); i++) {
            TimelineRow t = rows.get(i);
            long next = i + 1 < rows.size() ? rows.get(i + 1).offsetNanos() : end;
            boolean last = i + 1 == rows.size();
            Region seg = new Region();
            seg.getStyleClass().addAll("call-flow-segment", stateClass(t.state()));
            double share = last ? 0.08 : Math.max(0.04, (double) (next - t.offsetNanos()) / end);
            seg.setPrefWidth(share * 1000);
            seg.setMinWidth(12);
            HBox.setHgrow(seg, Priority.ALWAYS);
            Tooltip.install(seg, new Tooltip(t.time() + "  " + t.state() + "  " + t.message()));
            bar.getChildren().add(seg);
        }
    }

    /** "state-in-call" for "IN CALL": one colour per call state, shared by the bar and the list swatches. */
    static String stateClass(String displayName) {
        return STATE_PREFIX + displayName.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private void party(Party p, int row) {
        if (p == null) {
            return;
        }
        Label role = key(p.role());
        Label name = value(p.name());
        Label endpoint = value(p.endpoint());
        Label agent = value(p.userAgent() == null ? "" : p.userAgent());
        agent.getStyleClass().setAll("label", KEY_CLASS);
        parties.addRow(row, role, name, endpoint, agent);
    }

    private static void show(boolean visible, Region... nodes) {
        for (Region n : nodes) {
            n.setVisible(visible);
            n.setManaged(visible);
        }
    }

    private static void pair(GridPane g, int row, int col, String k, String v) {
        g.add(key(k), col, row);
        g.add(value(v), col + 1, row);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(3);
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        g.getColumnConstraints().add(c);
        return g;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(SECTION_CLASS);
        return l;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(KEY_CLASS);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text == null ? Durations.NOT_APPLICABLE : text);
        l.getStyleClass().add(VALUE_CLASS);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static String toneClass(Tone t) {
        return TONE_PREFIX + (t == null ? Tone.NEUTRAL : t).name().toLowerCase(Locale.ROOT);
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())).getReadOnlyProperty());
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    @Override
    protected void layoutChildren() {
        scroll.resizeRelocate(0, 0, getWidth(), getHeight());
        empty.resizeRelocate(0, 0, getWidth(), empty.prefHeight(getWidth()));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 760;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 560;
    }
}
