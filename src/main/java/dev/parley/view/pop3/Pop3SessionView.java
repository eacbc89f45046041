package dev.parley.view.pop3;

import dev.parley.view.PasswordCheckState;
import dev.parley.session.pop3.Mail;
import dev.parley.session.pop3.MailboxEntry;
import dev.parley.view.pop3.Pop3Rows.ExchangeRow;
import dev.parley.view.pop3.Pop3Rows.MailRow;
import dev.parley.view.pop3.Pop3Rows.TimelineRow;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The POP3 session panel: headline with the outcome badge, facts, the state timeline, the login with its masked
 * password ("Show" reveals it) and the password check, capabilities and maildrop, the mailbox table, the retrieved
 * mails ("Open mail" shows one in the mail viewer), the commands with their response times, and anomalies.
 */
public final class Pop3SessionView extends Region {
    public static final String STYLE_CLASS = "pop3-session";
    public static final String HEADLINE_CLASS = "pop3-headline";
    public static final String BADGE_CLASS = "pop3-badge";
    public static final String SECTION_CLASS = "pop3-section";
    public static final String TIMELINE_CLASS = "pop3-timeline";
    public static final String STATE_CLASS = "pop3-state";
    public static final String PASSWORD_CLASS = "pop3-password";
    public static final String SHOW_PASSWORD_CLASS = "pop3-show-password";
    public static final String CHECK_FIELD_CLASS = "pop3-check-field";
    public static final String CHECK_BUTTON_CLASS = "pop3-check-button";
    public static final String CHECK_RESULT_CLASS = "pop3-check-result";
    public static final String MAILBOX_CLASS = "pop3-mailbox";
    public static final String MAILS_CLASS = "pop3-mails";
    public static final String OPEN_MAIL_CLASS = "pop3-open-mail";
    public static final String EXCHANGES_CLASS = "pop3-exchanges";

    private static final String CSS = """
            .pop3-session { -fx-background-color: -fx-background; }
            .pop3-headline { -fx-font-size: 15px; -fx-font-weight: bold; }
            .pop3-badge { -fx-padding: 2 8 2 8; -fx-background-radius: 9; -fx-text-fill: white; -fx-font-weight: bold;
                -fx-font-size: 11px; -fx-background-color: #78909c; }
            .pop3-badge.outcome-update { -fx-background-color: #2e7d32; }
            .pop3-badge.outcome-quit, .pop3-badge.outcome-stls { -fx-background-color: #1e88e5; }
            .pop3-badge.outcome-auth-failed, .pop3-badge.outcome-cut-off { -fx-background-color: #c62828; }
            .pop3-section { -fx-font-weight: bold; -fx-text-fill: #444; -fx-padding: 8 0 2 0; }
            .dark .pop3-section { -fx-text-fill: #ccc; }
            .pop3-key { -fx-text-fill: #666; }
            .dark .pop3-key { -fx-text-fill: #aaa; }
            .pop3-value, .pop3-password { -fx-font-family: 'Monospaced'; }
            .pop3-state { -fx-padding: 3 8 3 8; -fx-text-fill: white; -fx-font-size: 11px; -fx-alignment: center;
                -fx-background-color: #78909c; }
            .pop3-state.state-authorization { -fx-background-color: #fb8c00; }
            .pop3-state.state-transaction { -fx-background-color: #1e88e5; }
            .pop3-state.state-update { -fx-background-color: #2e7d32; }
            .pop3-state.state-encrypted { -fx-background-color: #6a1b9a; }
            .pop3-state.state-cut-off { -fx-background-color: #c62828; }
            .pop3-check-result.verdict-match { -fx-text-fill: #2e7d32; -fx-font-weight: bold; }
            .pop3-check-result.verdict-mismatch { -fx-text-fill: #c62828; -fx-font-weight: bold; }
            .pop3-check-result.verdict-not_checkable { -fx-text-fill: #ef6c00; -fx-font-weight: bold; }
            .pop3-empty { -fx-text-fill: #888; -fx-padding: 12; }
            """;
    private static final double ROW = 24;

    private final Pop3SessionViewModel vm;
    private final Consumer<Mail> openMail;
    private final ScrollPane scroll;
    private final Label empty = new Label("No POP3 session selected");
    private final HBox timeline = new HBox(2);
    private final Label password = new Label();
    private final ToggleButton showPassword = new ToggleButton("Show");
    private final PasswordField checkField = new PasswordField();
    private final Button check = new Button("Check password");
    private final Label checkResult = new Label();
    private final TableView<MailboxEntry> mailbox = new TableView<>();
    private final TableView<MailRow> mails = new TableView<>();
    private final Button open = new Button("Open mail");
    private final TableView<ExchangeRow> exchanges = new TableView<>();
    private final ListView<String> anomalies = new ListView<>();

    public Pop3SessionView(Pop3SessionViewModel vm, Consumer<Mail> openMail) {
        this.vm = vm;
        this.openMail = openMail;
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8)));

        Label headline = new Label();
        headline.getStyleClass().add(HEADLINE_CLASS);
        headline.textProperty().bind(vm.headlineProperty());
        headline.setMinWidth(0);
        Label badge = new Label();
        badge.getStyleClass().add(BADGE_CLASS);
        badge.textProperty().bind(vm.outcomeProperty());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        vm.outcomeProperty().addListener((o, a, b) -> {
            badge.getStyleClass().removeIf(c -> c.startsWith("outcome-"));
            badge.getStyleClass().add("outcome-" + dashed(b));
        });
        HBox header = new HBox(10, headline, badge);
        header.setAlignment(Pos.CENTER_LEFT);
        Label facts = value(vm.factsProperty());
        facts.setWrapText(true);

        timeline.getStyleClass().add(TIMELINE_CLASS);
        vm.timeline().addListener((ListChangeListener<TimelineRow>) c -> fillTimeline());

        GridPane login = grid();
        password.getStyleClass().add(PASSWORD_CLASS);
        password.textProperty().bind(vm.passwordProperty());
        showPassword.getStyleClass().add(SHOW_PASSWORD_CLASS);
        showPassword.selectedProperty().bindBidirectional(vm.revealPasswordProperty());
        showPassword.visibleProperty().bind(vm.hasPasswordProperty());
        showPassword.managedProperty().bind(vm.hasPasswordProperty());
        HBox passwordBox = new HBox(8, password, showPassword);
        passwordBox.setAlignment(Pos.CENTER_LEFT);
        row(login, 0, "User", value(vm.userProperty()));
        row(login, 1, "Method", value(vm.methodProperty()));
        row(login, 2, "Result", value(vm.resultProperty()));
        row(login, 3, "Password", passwordBox);

        checkField.getStyleClass().add(CHECK_FIELD_CLASS);
        checkField.setPromptText("password to check");
        checkField.setPrefColumnCount(16);
        checkField.disableProperty().bind(vm.checkableProperty().not());
        checkField.setOnAction(e -> runCheck());
        check.getStyleClass().add(CHECK_BUTTON_CLASS);
        check.disableProperty().bind(vm.checkableProperty().not());
        check.setOnAction(e -> runCheck());
        checkResult.getStyleClass().add(CHECK_RESULT_CLASS);
        checkResult.textProperty().bind(vm.checkTextProperty());
        checkResult.setWrapText(true);
        vm.checkResultProperty().addListener((o, a, r) -> PasswordCheckState.styleVerdict(checkResult, r));
        HBox checkBox = new HBox(8, checkField, check);
        checkBox.setAlignment(Pos.CENTER_LEFT);
        Label how = new Label();
        how.textProperty().bind(vm.checkHowProperty());
        how.getStyleClass().add("pop3-key");
        how.setWrapText(true);
        vm.sessionProperty().addListener((o, a, b) -> checkField.clear());

        GridPane drop = grid();
        Label capa = value(vm.capabilitiesProperty());
        capa.setWrapText(true);
        row(drop, 0, "Capabilities", capa);
        row(drop, 1, "Maildrop (STAT)", value(vm.maildropProperty()));

        buildMailbox();
        buildMails();
        buildExchanges();
        anomalies.setItems(vm.anomalies());
        anomalies.setFixedCellSize(ROW);
        fitHeight(anomalies, vm.anomalies(), 6);
        Label anomaliesTitle = section("Anomalies");
        anomaliesTitle.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.anomalies()));
        anomaliesTitle.managedProperty().bind(anomaliesTitle.visibleProperty());
        anomalies.visibleProperty().bind(anomaliesTitle.visibleProperty());
        anomalies.managedProperty().bind(anomaliesTitle.visibleProperty());

        open.getStyleClass().add(OPEN_MAIL_CLASS);
        open.disableProperty().bind(mails.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox mailsTitle = new HBox(8, section("Retrieved mails"), grow, open);
        mailsTitle.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(3, header, facts, section("State timeline"), timeline, section("Login"), login,
                section("Check password"), checkBox, checkResult, how, section("Server"), drop, section("Mailbox"),
                mailbox, mailsTitle, mails, section("Commands and response times"), exchanges, anomaliesTitle,
                anomalies);
        content.setStyle("-fx-padding: 8;");
        content.visibleProperty().bind(vm.sessionProperty().isNotNull());
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        empty.getStyleClass().add("pop3-empty");
        empty.visibleProperty().bind(vm.sessionProperty().isNull());
        getChildren().addAll(scroll, empty);
    }

    public Label passwordLabel() {
        return password;
    }

    public ToggleButton showPasswordButton() {
        return showPassword;
    }

    public PasswordField checkField() {
        return checkField;
    }

    public Button checkButton() {
        return check;
    }

    public Label checkResultLabel() {
        return checkResult;
    }

    public HBox timelineBox() {
        return timeline;
    }

    public TableView<MailboxEntry> mailboxTable() {
        return mailbox;
    }

    public TableView<MailRow> mailsTable() {
        return mails;
    }

    public Button openMailButton() {
        return open;
    }

    public TableView<ExchangeRow> exchangesTable() {
        return exchanges;
    }

    @Override
    protected void layoutChildren() {
        scroll.resizeRelocate(0, 0, getWidth(), getHeight());
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

    private void runCheck() {
        vm.checkPassword(checkField.getText());
    }


    private void openSelected() {
        MailRow r = mails.getSelectionModel().getSelectedItem();
        if (r != null) {
            openMail.accept(r.mail());
        }
    }

    private void fillTimeline() {
        timeline.getChildren().clear();
        for (TimelineRow r : vm.timeline()) {
            Label seg = new Label(r.state() + "\n" + r.time() + "  frame " + r.frame());
            seg.getStyleClass().addAll(STATE_CLASS, "state-" + dashed(r.state()));
            seg.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(seg, Priority.ALWAYS);
            timeline.getChildren().add(seg);
        }
    }

    private void buildMailbox() {
        mailbox.getStyleClass().add(MAILBOX_CLASS);
        mailbox.setItems(vm.mailbox());
        mailbox.setFixedCellSize(ROW);
        mailbox.setPlaceholder(new Label("No LIST, UIDL, RETR, TOP or DELE seen"));
        mailbox.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        mailbox.getColumns().setAll(List.of(
                column("#", 40, MailboxEntry::number, true),
                column("Size", 80, (MailboxEntry m) -> m.size() < 0 ? "" : Long.toString(m.size()), true),
                column("UIDL", 220, (MailboxEntry m) -> m.uid() == null ? "" : m.uid(), false),
                column("Retrieved", 75, (MailboxEntry m) -> m.retrieved() ? "\u2713" : "", false),
                column("Deleted", 65, (MailboxEntry m) -> m.deleted() ? "\u2713" : "", false)));
        fitHeight(mailbox, vm.mailbox(), 10);
    }

    private void buildMails() {
        mails.getStyleClass().add(MAILS_CLASS);
        mails.setItems(vm.mails());
        mails.setFixedCellSize(ROW);
        mails.setPlaceholder(new Label("No mail retrieved"));
        mails.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        mails.getColumns().setAll(List.of(
                column("#", 40, MailRow::number, true),
                column("How", 60, MailRow::how, false),
                column("Octets", 70, MailRow::size, true),
                column("Subject", 300, MailRow::subject, false)));
        mails.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        fitHeight(mails, vm.mails(), 10);
    }

    private void buildExchanges() {
        exchanges.getStyleClass().add(EXCHANGES_CLASS);
        exchanges.setItems(vm.exchanges());
        exchanges.setFixedCellSize(ROW);
        exchanges.setPlaceholder(new Label("No command"));
        exchanges.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        exchanges.getColumns().setAll(List.of(
                column("Frame", 50, ExchangeRow::frame, true),
                column("Time", 70, ExchangeRow::time, false),
                column("Command", 140, ExchangeRow::command, false),
                column("Reply", 200, ExchangeRow::reply, false),
                column("Response", 80, ExchangeRow::responseTime, true)));
        fitHeight(exchanges, vm.exchanges(), 14);
    }

    private static <S, T> TableColumn<S, T> column(String title, double width, Function<S, T> value, boolean right) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        if (right) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return c;
    }

    /** A table in the scrolling panel is as tall as its rows, up to {@code maxRows}. */
    private static void fitHeight(javafx.scene.control.Control table, ObservableList<?> items, int maxRows) {
        Runnable fit = () -> {
            double h = Math.max(1, Math.min(maxRows, items.size())) * ROW + (table instanceof TableView ? 30 : 4);
            table.setMinHeight(h);
            table.setPrefHeight(h);
            table.setMaxHeight(h);
        };
        items.addListener((ListChangeListener<Object>) c -> fit.run());
        fit.run();
    }

    private static String dashed(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(SECTION_CLASS);
        return l;
    }

    private static Label value(ObservableValue<String> text) {
        Label l = new Label();
        l.getStyleClass().add("pop3-value");
        l.textProperty().bind(text);
        l.setMinWidth(0);
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(3);
        ColumnConstraints key = new ColumnConstraints();
        key.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints val = new ColumnConstraints();
        val.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(key, val);
        return g;
    }

    private static void row(GridPane g, int r, String key, javafx.scene.Node value) {
        Label k = new Label(key);
        k.getStyleClass().add("pop3-key");
        g.add(k, 0, r);
        g.add(value, 1, r);
    }
}
