package dev.parley.view.pop3;

import dev.parley.view.mail.MailView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The POP3 side of the main window: the session panel and the mail viewer in two tabs. */
public final class Pop3View extends TabPane {
    public static final String STYLE_CLASS = "pop3-view";

    private final Pop3SessionView sessionView;
    private final MailView mailView;
    private final Tab sessionTab;
    private final Tab mailTab;

    public Pop3View(Pop3ViewModel vm) {
        getStyleClass().addAll(STYLE_CLASS, "side-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        sessionView = new Pop3SessionView(vm.session(), vm::openMail);
        mailView = new MailView(vm.mail());
        sessionTab = new Tab("POP3 session", sessionView);
        mailTab = new Tab("Mail", mailView);
        getTabs().addAll(sessionTab, mailTab);
        vm.mailRequestsProperty().addListener((o, a, b) -> getSelectionModel().select(mailTab));
        vm.shownProperty().addListener((o, a, s) -> getSelectionModel().select(sessionTab));
    }

    public Pop3SessionView sessionView() {
        return sessionView;
    }

    public MailView mailView() {
        return mailView;
    }

    public Tab sessionTab() {
        return sessionTab;
    }

    public Tab mailTab() {
        return mailTab;
    }
}
