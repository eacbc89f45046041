package dev.parley.view.message;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.view.PasswordCheckState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Wireshark-style detail of one SIP message: the header/body tree on the left, the raw text and a hex dump on the
 * right, the selected node's bytes highlighted in both; anomalies flagged in the tree and listed below it. A request
 * with digest credentials gets a "Check password" row under the title (hidden for other messages).
 * Keyboard: arrows walk the tree, Enter/Space toggles a node, Ctrl+Right expands a whole subtree, F6 cycles panes.
 */
public final class MessageDetailView extends Region {
    public static final String STYLE_CLASS = "message-detail";
    public static final String TITLE_CLASS = "message-detail-title";
    public static final String STATUS_CLASS = "message-detail-status";
    public static final String TREE_CLASS = "message-detail-tree";
    public static final String RAW_CLASS = "message-detail-raw";
    public static final String HEX_CLASS = "message-detail-hex";
    public static final String HEX_ROW_CLASS = "hex-row";
    public static final String HEX_OFFSET_CLASS = "hex-offset";
    public static final String HEX_ASCII_CLASS = "hex-ascii";
    public static final String HIGHLIGHT_CLASS = "hex-highlight";
    public static final String ANOMALY_CLASS = "anomaly";
    public static final String ANOMALY_LIST_CLASS = "message-detail-anomalies";
    public static final String CHECK_ROW_CLASS = "message-detail-check";
    public static final String CHECK_FIELD_CLASS = "message-detail-check-field";
    public static final String CHECK_BUTTON_CLASS = "message-detail-check-button";
    public static final String CHECK_RESULT_CLASS = "message-detail-check-result";

    private static final String CSS = """
            .message-detail { -fx-background-color: -fx-background; }
            .message-detail-title { -fx-font-weight: bold; -fx-padding: 4 6 0 6; }
            .message-detail-status { -fx-text-fill: #666; -fx-padding: 0 6 4 6; }
            .message-detail-raw, .message-detail-hex, .hex-row .label {
                -fx-font-family: 'Monospaced'; -fx-font-size: 12px; }
            .message-detail-raw { -fx-highlight-fill: #ffd54f; -fx-highlight-text-fill: black; }
            .message-detail-raw .content { -fx-background-color: white; }
            .hex-row { -fx-padding: 0 4 0 4; -fx-cell-size: 18px; }
            .hex-row .label { -fx-padding: 0; }
            .hex-offset { -fx-text-fill: #888; }
            .hex-ascii { -fx-text-fill: #335; }
            .hex-highlight { -fx-background-color: #ffd54f; -fx-text-fill: black; }
            .hex-row:selected .label { -fx-text-fill: -fx-selection-bar-text; }
            .tree-cell.anomaly { -fx-text-fill: #b00020; -fx-background-color: #fff3e0; }
            .tree-cell.anomaly:selected { -fx-background-color: #ffcc80; -fx-text-fill: #b00020; }
            .message-detail-anomalies .list-cell { -fx-text-fill: #b00020; }
            .message-detail-check { -fx-padding: 0 6 4 6; }
            .message-detail-check-how { -fx-text-fill: #666; }
            .dark .message-detail-check-how { -fx-text-fill: #aaa; }
            .message-detail-check-result.verdict-match { -fx-text-fill: #2e7d32; -fx-font-weight: bold; }
            .message-detail-check-result.verdict-mismatch { -fx-text-fill: #c62828; -fx-font-weight: bold; }
            .message-detail-check-result.verdict-not_checkable { -fx-text-fill: #ef6c00; -fx-font-weight: bold; }
            """;

    private final MessageDetailViewModel vm;
    private final TreeView<DetailNode> tree = new TreeView<>();
    private final TextArea raw = new TextArea();
    private final ListView<Integer> hex = new ListView<>();
    private final ListView<Anomaly> anomalyList = new ListView<>();
    private final BorderPane root = new BorderPane();
    private final PasswordField checkField = new PasswordField();
    private final Button check = new Button("Check password");
    private final Label checkResult = new Label();
    private final Map<DetailNode, TreeItem<DetailNode>> items = new IdentityHashMap<>();
    private boolean syncing;

    public MessageDetailView(MessageDetailViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8)));

        Label title = new Label();
        title.getStyleClass().add(TITLE_CLASS);
        title.textProperty().bind(vm.titleProperty());
        Label status = new Label();
        status.getStyleClass().add(STATUS_CLASS);
        status.textProperty().bind(vm.statusProperty());
        root.setTop(new VBox(title, status, checkRow()));

        tree.getStyleClass().add(TREE_CLASS);
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new DetailTreeCell());
        tree.setFixedCellSize(22);
        anomalyList.getStyleClass().add(ANOMALY_LIST_CLASS);
        anomalyList.setItems(vm.anomalies());
        anomalyList.setPrefHeight(90);
        anomalyList.setFixedCellSize(22);
        anomalyList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Anomaly a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : "\u26a0 " + a.code() + ": " + a.message());
            }
        });
        anomalyList.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.anomalies()));
        anomalyList.managedProperty().bind(anomalyList.visibleProperty());
        VBox left = new VBox(tree, anomalyList);
        VBox.setVgrow(tree, Priority.ALWAYS);

        raw.getStyleClass().add(RAW_CLASS);
        raw.setEditable(false);
        raw.setWrapText(false);
        raw.textProperty().bind(vm.rawTextProperty());
        hex.getStyleClass().add(HEX_CLASS);
        hex.setFixedCellSize(18);
        hex.setCellFactory(l -> new HexRowCell(vm.bytesProperty()::get, vm.selectedRangeProperty()::get));

        SplitPane right = new SplitPane(raw, hex);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.55);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.5);
        root.setCenter(split);
        root.setPadding(new Insets(0));
        getChildren().add(root);

        vm.treeProperty().addListener((o, was, now) -> rebuildTree(now));
        vm.bytesProperty().addListener((o, was, now) -> rebuildHex(now));
        vm.selectedRangeProperty().addListener((o, was, now) -> highlight(now));
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing) {
                vm.select(now == null ? null : now.getValue());
            }
        });
        raw.setOnMouseClicked(e -> {
            if (e.getClickCount() == 1 && raw.getSelection().getLength() == 0) {
                selectAt(vm.byteOffsetOf(raw.getCaretPosition()));
            }
        });
        hex.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!syncing && now.intValue() >= 0 && hex.isFocused()) {
                selectAt(now.intValue() * HexRowCell.PER_ROW);
            }
        });
        tree.addEventFilter(KeyEvent.KEY_PRESSED, this::treeKeys);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F6) {
                cycleFocus();
                e.consume();
            }
        });
        rebuildTree(vm.treeProperty().get());
        rebuildHex(vm.bytesProperty().get());
    }

    /** PasswordField, button and verdict, shown only for a request with digest credentials. */
    private HBox checkRow() {
        checkField.getStyleClass().add(CHECK_FIELD_CLASS);
        checkField.setPromptText("password");
        checkField.setPrefColumnCount(12);
        checkField.setMinWidth(Region.USE_PREF_SIZE);
        checkField.setOnAction(e -> runCheck());
        check.getStyleClass().add(CHECK_BUTTON_CLASS);
        check.setOnAction(e -> runCheck());
        check.setMinWidth(Region.USE_PREF_SIZE);
        checkResult.getStyleClass().add(CHECK_RESULT_CLASS);
        checkResult.textProperty().bind(vm.checkTextProperty());
        checkResult.setMinWidth(0);
        Tooltip verdictTip = new Tooltip();
        verdictTip.textProperty().bind(vm.checkTextProperty());
        checkResult.setTooltip(verdictTip);
        vm.checkResultProperty().addListener((o, was, now) -> PasswordCheckState.styleVerdict(checkResult, now));
        Label how = new Label();
        how.getStyleClass().add("message-detail-check-how");
        how.textProperty().bind(vm.checkHowProperty());
        how.setMinWidth(0);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.checkHowProperty());
        how.setTooltip(tip);
        // the how-text gives way to the verdict once there is one
        how.visibleProperty().bind(vm.checkTextProperty().isEmpty());
        how.managedProperty().bind(how.visibleProperty());
        HBox row = new HBox(8, checkField, check, checkResult, how);
        row.getStyleClass().add(CHECK_ROW_CLASS);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.passwordCheckableProperty());
        row.managedProperty().bind(row.visibleProperty());
        // a typed password never outlives the message it was typed for
        vm.messageProperty().addListener((o, was, now) -> checkField.clear());
        vm.passwordCheckableProperty().addListener((o, was, now) -> checkField.clear());
        return row;
    }

    private void runCheck() {
        vm.checkPassword(checkField.getText());
    }


    private void treeKeys(KeyEvent e) {
        TreeItem<DetailNode> item = tree.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && !item.isLeaf()) {
            item.setExpanded(!item.isExpanded());
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT && e.isShortcutDown()) {
            expandAll(item, true);
            e.consume();
        } else if (e.getCode() == KeyCode.LEFT && e.isShortcutDown()) {
            expandAll(item, false);
            e.consume();
        }
    }

    private void cycleFocus() {
        if (tree.isFocused()) {
            raw.requestFocus();
        } else if (raw.isFocused()) {
            hex.requestFocus();
        } else {
            tree.requestFocus();
        }
    }

    private static void expandAll(TreeItem<DetailNode> item, boolean expanded) {
        item.setExpanded(expanded);
        for (TreeItem<DetailNode> c : item.getChildren()) {
            expandAll(c, expanded);
        }
    }

    /** Selects the tree row of the deepest node holding {@code byteOffset} (a click in the raw or hex pane). */
    private void selectAt(int byteOffset) {
        DetailNode n = vm.nodeAt(byteOffset);
        TreeItem<DetailNode> item = n == null ? null : items.get(n);
        if (item == null) {
            return;
        }
        for (TreeItem<DetailNode> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }

    private void rebuildTree(DetailNode rootNode) {
        items.clear();
        syncing = true;
        try {
            tree.getSelectionModel().clearSelection();
            tree.setRoot(rootNode == null ? null : item(rootNode, 0));
        } finally {
            syncing = false;
        }
    }

    /** Body containers opened on show; their leaves (SDP lines, codec parts, text lines) stay closed. */
    private static final java.util.Set<String> OPEN_IN_BODY = java.util.Set.of("Session Description Protocol",
            "Media", "Multipart", "Body", "CPIM message", "CPIM headers", "Content headers", "ISUP");

    /** Start line closed, header list open with each header closed (as Wireshark does), body containers open. */
    private TreeItem<DetailNode> item(DetailNode n, int depth) {
        return item(n, depth, false);
    }

    private TreeItem<DetailNode> item(DetailNode n, int depth, boolean inBody) {
        TreeItem<DetailNode> item = new TreeItem<>(n);
        items.put(n, item);
        String label = n.label();
        boolean body = inBody || label.equals(DetailTreeBuilder.BODY);
        boolean open = depth == 0
                || (depth == 1 && !label.equals(DetailTreeBuilder.REQUEST_LINE)
                        && !label.equals(DetailTreeBuilder.STATUS_LINE))
                || (body && (OPEN_IN_BODY.contains(label) || label.startsWith("Part ")));
        item.setExpanded(open);
        for (DetailNode c : n.children()) {
            item.getChildren().add(item(c, depth + 1, body));
        }
        return item;
    }

    private void rebuildHex(Bytes b) {
        int rows = (b.length() + HexRowCell.PER_ROW - 1) / HexRowCell.PER_ROW;
        Integer[] list = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            list[i] = i;
        }
        hex.getItems().setAll(list);
    }

    private void highlight(ByteRange r) {
        if (r.isEmpty()) {
            raw.deselect();
        } else {
            int from = vm.textIndexOf(r.offset());
            int to = vm.textIndexOf(r.end());
            raw.selectRange(from, Math.max(from, to));
            scrollRawTo(from);
            syncing = true;
            try {
                hex.scrollTo(Math.max(0, r.offset() / HexRowCell.PER_ROW - 2));
            } finally {
                syncing = false;
            }
        }
        hex.refresh();
    }

    /** Scrolls the raw text so the line holding char {@code index} is visible. */
    private void scrollRawTo(int index) {
        String text = raw.getText();
        int line = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        double lineHeight = 16;
        double top = Math.max(0, (line - 2) * lineHeight);
        if (top < raw.getScrollTop() || top > raw.getScrollTop() + raw.getHeight() - 3 * lineHeight) {
            raw.setScrollTop(top);
        }
    }

    /** The tree, for tests and for the main window's focus handling. */
    public TreeView<DetailNode> treeView() {
        return tree;
    }

    /** The password field of the check row (hidden unless the message has digest credentials). */
    public PasswordField checkField() {
        return checkField;
    }

    public Button checkButton() {
        return check;
    }

    /** The verdict label: "MATCH: ...", "MISMATCH: ...", "NOT CHECKABLE: reason". */
    public Label checkResultLabel() {
        return checkResult;
    }

    /** The raw text pane. */
    public TextArea rawTextArea() {
        return raw;
    }

    @Override
    protected void layoutChildren() {
        root.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }
}
