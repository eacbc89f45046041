package dev.parley.view.mail;

import dev.parley.decode.mime.MimeHeader;
import dev.parley.decode.mime.MimePart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The mail viewer: subject and summary with "Save as .eml…", a partial-mail banner for TOP replies, the decoded
 * headers, the MIME part tree beside the selected part's text (plain text only: HTML is shown as its source), and the
 * attachments with "Save attachment…".
 */
public final class MailView extends Region {
    public static final String STYLE_CLASS = "mail-view";
    public static final String SUBJECT_CLASS = "mail-subject";
    public static final String PARTIAL_CLASS = "mail-partial";
    public static final String HEADERS_CLASS = "mail-headers";
    public static final String PARTS_CLASS = "mail-parts";
    public static final String TEXT_CLASS = "mail-text";
    public static final String ATTACHMENTS_CLASS = "mail-attachments";
    public static final String SAVE_EML_CLASS = "mail-save-eml";
    public static final String SAVE_ATTACHMENT_CLASS = "mail-save-attachment";
    public static final String STATUS_CLASS = "mail-status";

    private static final String CSS = """
            .mail-view { -fx-background-color: -fx-background; }
            .mail-subject { -fx-font-size: 15px; -fx-font-weight: bold; }
            .mail-summary { -fx-text-fill: #666; }
            .mail-partial { -fx-background-color: #fff3cd; -fx-text-fill: #7a5a00; -fx-padding: 3 8 3 8;
                -fx-background-radius: 4; -fx-font-weight: bold; }
            .dark .mail-partial { -fx-background-color: #5a4600; -fx-text-fill: #ffe9a8; }
            .mail-text { -fx-font-family: 'Monospaced'; }
            .mail-status { -fx-text-fill: #c62828; }
            .mail-empty { -fx-text-fill: #888; -fx-padding: 12; }
            """;

    private final MailViewModel vm;
    private final VBox content;
    private final TableView<MimeHeader> headers = new TableView<>();
    private final TreeView<MimePart> parts = new TreeView<>();
    private final TextArea text = new TextArea();
    private final TableView<MimePart> attachments = new TableView<>();
    private final Button saveEml = new Button("Save as .eml\u2026");
    private final Button saveAttachment = new Button("Save attachment\u2026");
    private final Label status = new Label();
    private final Label empty = new Label("No mail selected: open one in the POP3 session panel or click a RETR reply");
    private SaveDialog saveDialog = SaveDialog.fileChooser();

    public MailView(MailViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8)));

        Label subject = new Label();
        subject.getStyleClass().add(SUBJECT_CLASS);
        subject.textProperty().bind(vm.subjectProperty());
        subject.setMinWidth(0);
        Label summary = new Label();
        summary.getStyleClass().add("mail-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setMinWidth(0);
        saveEml.getStyleClass().add(SAVE_EML_CLASS);
        saveEml.setOnAction(e -> saveEml());
        saveEml.disableProperty().bind(vm.mailProperty().isNull());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(10, subject, grow, saveEml);
        top.setAlignment(Pos.CENTER_LEFT);
        Label partial = new Label();
        partial.getStyleClass().add(PARTIAL_CLASS);
        partial.textProperty().bind(vm.partialNoteProperty());
        partial.visibleProperty().bind(vm.partialProperty());
        partial.managedProperty().bind(vm.partialProperty());
        partial.setWrapText(true);
        status.getStyleClass().add(STATUS_CLASS);
        status.textProperty().bind(vm.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.setWrapText(true);

        buildHeaders();
        buildParts();
        text.getStyleClass().add(TEXT_CLASS);
        text.setEditable(false);
        text.setWrapText(true);
        text.textProperty().bind(vm.partTextProperty());
        buildAttachments();

        SplitPane body = new SplitPane(parts, text);
        body.setDividerPositions(0.32);
        SplitPane.setResizableWithParent(parts, false);
        saveAttachment.getStyleClass().add(SAVE_ATTACHMENT_CLASS);
        saveAttachment.setOnAction(e -> saveAttachment());
        saveAttachment.disableProperty().bind(attachments.getSelectionModel().selectedItemProperty().isNull());
        Label attachmentsTitle = new Label("Attachments");
        Region grow2 = new Region();
        HBox.setHgrow(grow2, Priority.ALWAYS);
        HBox attachmentBar = new HBox(8, attachmentsTitle, grow2, saveAttachment);
        attachmentBar.setAlignment(Pos.CENTER_LEFT);
        VBox attachmentBox = new VBox(4, attachmentBar, attachments);
        VBox.setVgrow(attachments, Priority.ALWAYS);
        SplitPane split = new SplitPane(headers, body, attachmentBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3, 0.8);
        VBox.setVgrow(split, Priority.ALWAYS);

        VBox mailBox = new VBox(6, top, summary, partial, status, split);
        mailBox.visibleProperty().bind(vm.mailProperty().isNotNull());
        empty.getStyleClass().add("mail-empty");
        empty.visibleProperty().bind(vm.mailProperty().isNull());
        empty.setWrapText(true);
        content = new VBox(mailBox);
        VBox.setVgrow(mailBox, Priority.ALWAYS);
        content.setStyle("-fx-padding: 8;");
        getChildren().addAll(content, empty);
    }

    /** Replaces the file chooser (tests answer without a native dialog). */
    public void setSaveDialog(SaveDialog dialog) {
        this.saveDialog = dialog == null ? SaveDialog.fileChooser() : dialog;
    }

    public TableView<MimeHeader> headersTable() {
        return headers;
    }

    public TreeView<MimePart> partTree() {
        return parts;
    }

    public TextArea textArea() {
        return text;
    }

    public TableView<MimePart> attachmentsTable() {
        return attachments;
    }

    public Button saveEmlButton() {
        return saveEml;
    }

    public Button saveAttachmentButton() {
        return saveAttachment;
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
        empty.resizeRelocate(0, 0, getWidth(), Math.min(getHeight(), empty.prefHeight(getWidth())));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 500;
    }

    private void buildHeaders() {
        headers.getStyleClass().add(HEADERS_CLASS);
        headers.setItems(vm.headers());
        headers.setFixedCellSize(24);
        headers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        headers.setPlaceholder(new Label("No headers"));
        TableColumn<MimeHeader, String> name = new TableColumn<>("Header");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(110);
        name.setMaxWidth(180);
        TableColumn<MimeHeader, String> value = new TableColumn<>("Value (decoded)");
        value.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        value.setPrefWidth(400);
        headers.getColumns().setAll(java.util.List.of(name, value));
    }

    private void buildParts() {
        parts.getStyleClass().add(PARTS_CLASS);
        parts.setShowRoot(true);
        parts.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(MimePart item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : PartText.label(item));
            }
        });
        vm.messageProperty().addListener((o, a, m) -> {
            parts.setRoot(m == null ? null : item(m.root()));
            select(vm.selectedPartProperty().get());
        });
        parts.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue() != vm.selectedPartProperty().get()) {
                vm.selectedPartProperty().set(item.getValue());
            }
        });
        vm.selectedPartProperty().addListener((o, a, p) -> select(p));
    }

    private void select(MimePart p) {
        TreeItem<MimePart> found = find(parts.getRoot(), p);
        if (found != null && parts.getSelectionModel().getSelectedItem() != found) {
            parts.getSelectionModel().select(found);
        }
    }

    private static TreeItem<MimePart> find(TreeItem<MimePart> item, MimePart p) {
        if (item == null || p == null) {
            return null;
        }
        if (item.getValue() == p) {
            return item;
        }
        for (TreeItem<MimePart> c : item.getChildren()) {
            TreeItem<MimePart> f = find(c, p);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static TreeItem<MimePart> item(MimePart p) {
        TreeItem<MimePart> item = new TreeItem<>(p);
        item.setExpanded(true);
        for (MimePart c : p.children()) {
            item.getChildren().add(item(c));
        }
        return item;
    }

    private void buildAttachments() {
        attachments.getStyleClass().add(ATTACHMENTS_CLASS);
        attachments.setItems(vm.attachments());
        attachments.setFixedCellSize(24);
        attachments.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        attachments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        attachments.setPlaceholder(new Label("No attachments"));
        TableColumn<MimePart, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().filename() == null ? "(no name)"
                : c.getValue().filename()));
        TableColumn<MimePart, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().mimeType()));
        TableColumn<MimePart, Long> size = new TableColumn<>("Size (octets)");
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        size.setStyle("-fx-alignment: CENTER-RIGHT;");
        attachments.getColumns().setAll(java.util.List.of(name, type, size));
        attachments.setOnMouseClicked(e -> {
            MimePart p = attachments.getSelectionModel().getSelectedItem();
            if (p != null) {
                vm.selectedPartProperty().set(p);
            }
        });
        vm.attachments().addListener((javafx.collections.ListChangeListener<MimePart>) c -> {
            if (!vm.attachments().isEmpty()) {
                attachments.getSelectionModel().select(0);
            }
        });
    }

    private void saveEml() {
        Path target = saveDialog.ask("Save mail as .eml", vm.suggestedEmlName(), window());
        if (target == null) {
            return;
        }
        try {
            vm.saveEml(target);
        } catch (IOException e) {
            showError("Cannot save " + target + ": " + e.getMessage());
        }
    }

    private void saveAttachment() {
        MimePart p = attachments.getSelectionModel().getSelectedItem();
        if (p == null) {
            return;
        }
        int position = attachments.getSelectionModel().getSelectedIndex();
        Path target = saveDialog.ask("Save attachment", MailViewModel.suggestedAttachmentName(p, position), window());
        if (target == null) {
            return;
        }
        try {
            vm.saveAttachment(p, target);
        } catch (IOException e) {
            showError("Cannot save " + target + ": " + e.getMessage());
        }
    }

    private void showError(String message) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                message, javafx.scene.control.ButtonType.OK);
        alert.setHeaderText("Cannot save");
        if (window() != null) {
            alert.initOwner(window());
        }
        alert.show();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
