package dev.parley.view.sessions;

import dev.parley.session.sip.SessionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The session list: a filter bar (quick text filter, kind and state choices, visible count) above a multi-select
 * table with sngrep / Wireshark VoIP Calls columns. Rows are fixed-height cells over the view model's sorted list.
 */
public final class SessionListView extends Region {
    public static final String STYLE_CLASS = "session-list";
    public static final String FILTER_BAR = "filter-bar";
    public static final String FILTER_FIELD = "session-filter";
    public static final String TABLE = "session-table";
    public static final String COUNT = "session-count";
    public static final String STATE_CELL = "state-cell";
    public static final String METHOD_FILTER = "method-filter";
    private static final PseudoClass STATE_OK = PseudoClass.getPseudoClass("state-ok");
    private static final PseudoClass STATE_FAILED = PseudoClass.getPseudoClass("state-failed");
    private static final PseudoClass STATE_ACTIVE = PseudoClass.getPseudoClass("state-active");
    private static final PseudoClass RELATED = PseudoClass.getPseudoClass("related");
    private static final double ROW_HEIGHT = 24;

    private final SessionListViewModel vm;
    private final VBox content;
    private final TextField filter = new TextField();
    private final TableView<SessionRow> table = new TableView<>();
    private Runnable onActivate = () -> { };
    private boolean applyingRequest;

    public SessionListView(SessionListViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE_CLASS);

        filter.setPromptText("Filter: Call-ID, user, number, IP  ( / )");
        filter.getStyleClass().add(FILTER_FIELD);
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        filter.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
                table.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);
                }
                e.consume();
            }
        });
        HBox.setHgrow(filter, Priority.ALWAYS);

        ChoiceBox<SessionKind> kinds = new ChoiceBox<>();
        kinds.getItems().add(null);
        kinds.getItems().addAll(SessionKind.values());
        kinds.setConverter(choices("All kinds", SessionRow::kindText));
        kinds.valueProperty().bindBidirectional(vm.kindFilterProperty());
        ChoiceBox<String> methods = new ChoiceBox<>();
        methods.getItems().add(null);
        methods.getItems().addAll(vm.methods());
        vm.methods().addListener((ListChangeListener<String>) c -> {
            String chosen = vm.methodFilterProperty().get();
            methods.getItems().setAll(vm.methods());
            methods.getItems().add(0, null);
            methods.setValue(methods.getItems().contains(chosen) ? chosen : null);
        });
        methods.setConverter(choices("All methods", m -> m));
        methods.getStyleClass().add(METHOD_FILTER);
        methods.valueProperty().bindBidirectional(vm.methodFilterProperty());
        ChoiceBox<String> states = new ChoiceBox<>();
        states.getItems().add(null);
        states.getItems().addAll(SessionListViewModel.STATES);
        states.setConverter(choices("All states", st -> st));
        states.valueProperty().bindBidirectional(vm.stateFilterProperty());
        Label count = new Label();
        count.getStyleClass().add(COUNT);
        count.textProperty().bind(vm.visibleCountProperty().asString("%,d shown"));
        HBox bar = new HBox(8, filter, kinds, methods, states, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(FILTER_BAR);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        content = new VBox(bar, table);
        getChildren().add(content);
    }

    /** What Enter in the table does (the main window focuses the ladder). */
    public void setOnActivate(Runnable action) {
        this.onActivate = action == null ? () -> { } : action;
    }

    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    public void focusTable() {
        table.requestFocus();
    }

    /** The table, for tests and for the main window's focus handling. */
    public TableView<SessionRow> table() {
        return table;
    }

    public TextField filterField() {
        return filter;
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return 80;
    }

    private void buildTable() {
        table.getStyleClass().add(TABLE);
        table.setFixedCellSize(ROW_HEIGHT);
        table.setTableMenuButtonVisible(true);
        table.setPlaceholder(new Label("No sessions"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(vm.rows());
        vm.rows().comparatorProperty().bind(table.comparatorProperty());

        List<TableColumn<SessionRow, ?>> cols = new ArrayList<>();
        cols.add(related());
        cols.add(ordered("Start", 112, SessionRow::start, Comparator.comparingLong(SessionRow::startNanos)));
        cols.add(text("Method", 90, SessionRow::method));
        cols.add(text("From", 130, SessionRow::from));
        cols.add(text("To", 130, SessionRow::to));
        cols.add(stateColumn());
        cols.add(number("Msgs", 55, SessionRow::messages, (Integer n) -> Integer.toString(n)));
        cols.add(number("Duration", 80, SessionRow::durationNanos, SessionRow::formatDuration));
        cols.add(number("PDD", 70, SessionRow::pddNanos, SessionRow::formatDuration));
        cols.add(ordered("Last status", 150, SessionRow::lastStatusText,
                Comparator.comparingInt(SessionRow::lastStatus)));
        cols.add(text("Transport", 82, SessionRow::transport));
        cols.add(text("Source \u2192 Destination", 270, SessionRow::route));
        cols.add(text("Call-ID", 260, SessionRow::callId));
        table.getColumns().setAll(cols);

        table.setRowFactory(t -> {
            TableRow<SessionRow> row = new TableRow<>() {
                @Override
                protected void updateItem(SessionRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(RELATED, !empty && item != null && item.hasRelated());
                }
            };
            return row;
        });

        MenuItem related = new MenuItem("Select related legs");
        related.setOnAction(e -> {
            SessionRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                vm.selectRelated(r);
            }
        });
        MenuItem copy = new MenuItem("Copy Call-ID");
        copy.setOnAction(e -> {
            SessionRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                ClipboardContent c = new ClipboardContent();
                c.putString(r.callId());
                Clipboard.getSystemClipboard().setContent(c);
            }
        });
        ContextMenu menu = new ContextMenu(related, copy);
        menu.setOnShowing(e -> {
            SessionRow r = table.getSelectionModel().getSelectedItem();
            related.setDisable(r == null || !r.hasRelated());
            copy.setDisable(r == null || r.isPop3());
        });
        table.setContextMenu(menu);

        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SessionRow>) c -> {
            if (!applyingRequest) {
                vm.select(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
            }
        });
        // an invalidation listener: asking twice for equal rows must still select them again
        vm.requestedSelectionProperty().addListener(o -> applySelection(vm.requestedSelectionProperty().get()));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                onActivate.run();
                e.consume();
            }
        });
    }

    private void applySelection(List<SessionRow> rows) {
        applyingRequest = true;
        try {
            table.getSelectionModel().clearSelection();
            int first = -1;
            for (SessionRow r : rows) {
                int i = table.getItems().indexOf(r);
                if (i >= 0) {
                    table.getSelectionModel().select(i);
                    first = first < 0 ? i : first;
                }
            }
            if (first >= 0) {
                table.scrollTo(Math.max(0, first - 2));
            }
        } finally {
            applyingRequest = false;
        }
        vm.select(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
    }

    private static TableColumn<SessionRow, String> text(String title, double width,
                                                        Function<SessionRow, String> value) {
        TableColumn<SessionRow, String> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return col;
    }

    /** A text column sorted by a number of the row (time, status code) rather than by its text. */
    private static TableColumn<SessionRow, SessionRow> ordered(String title, double width,
                                                               Function<SessionRow, String> value,
                                                               Comparator<SessionRow> order) {
        TableColumn<SessionRow, SessionRow> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(order);
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(SessionRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : value.apply(item));
            }
        });
        return col;
    }

    private static <N extends Number & Comparable<N>> TableColumn<SessionRow, N> number(
            String title, double width, Function<SessionRow, N> value, Function<N, String> format) {
        TableColumn<SessionRow, N> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(N item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
        return col;
    }

    private static TableColumn<SessionRow, String> stateColumn() {
        TableColumn<SessionRow, String> col = new TableColumn<>("State");
        col.setPrefWidth(105);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        col.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add(STATE_CELL);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                String s = empty || item == null ? "" : item;
                setText(empty ? null : s);
                pseudoClassStateChanged(STATE_OK, isOk(s));
                pseudoClassStateChanged(STATE_FAILED, isFailed(s));
                pseudoClassStateChanged(STATE_ACTIVE, isActive(s));
            }
        });
        return col;
    }

    private static TableColumn<SessionRow, String> related() {
        TableColumn<SessionRow, String> col = new TableColumn<>("\u21c4");
        col.setPrefWidth(30);
        col.setMaxWidth(30);
        col.setResizable(false);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().hasRelated() ? "\u21c4" : ""));
        col.setStyle("-fx-alignment: CENTER;");
        return col;
    }

    private static boolean isOk(String s) {
        return s.equals("COMPLETED") || s.equals("REGISTERED") || s.equals("DELIVERED") || s.equals("ACTIVE")
                || s.equals("UPDATE");
    }

    private static boolean isFailed(String s) {
        return s.equals("REJECTED") || s.equals("BUSY") || s.equals("FAILED") || s.equals("CANCELLED")
                || s.equals("AUTH FAILED") || s.equals("CUT OFF");
    }

    private static boolean isActive(String s) {
        return s.equals("IN CALL") || s.equals("RINGING") || s.equals("CALL SETUP");
    }

    /** Labels of a filter's choices: {@code all} for null (no filter), else the value's text. Display only. */
    private static <T> StringConverter<T> choices(String all, Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? all : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null; // choice boxes never parse
            }
        };
    }
}
