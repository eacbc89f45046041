package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.mime.MimePart;
import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderModel;
import dev.parley.session.auth.Secrets;
import dev.parley.session.auth.Verdict;
import dev.parley.session.pop3.MailboxEntry;
import dev.parley.session.sip.SessionKind;
import dev.parley.testsupport.Snapshots;
import dev.parley.view.MainView;
import dev.parley.view.MainViewModel;
import dev.parley.view.mail.MailView;
import dev.parley.view.pop3.Pop3Rows;
import dev.parley.view.pop3.Pop3SessionView;
import dev.parley.view.pop3.Pop3View;
import dev.parley.view.sessions.SessionRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on the POP3 samples: the session list row, the ladder (model and canvas), the session panel's
 * mailbox, the mail viewer with its attachment and a byte-exact .eml save, the password check and masking.
 */
class Pop3WindowTest extends ApplicationTest {
    private static final Path PLAIN = Path.of("samples", "pop3-curl-plain.pcap");
    private static final Path APOP_CRAM = Path.of("samples", "pop3-apop-cram.pcap");
    private static final Path FETCHMAIL = Path.of("samples", "pop3-fetchmail-user.pcap");
    private final Preferences prefs = Preferences.userRoot().node("dev/parley/test/pop3window");
    private MainView view;
    private MainViewModel vm;

    @TempDir
    Path tmp;

    @Override
    public void start(Stage stage) throws Exception {
        prefs.clear();
        Parley app = new Parley(new AppPreferences(prefs));
        view = app.show(stage, PLAIN);
        stage.setWidth(1200);
        stage.setHeight(800); // room for a few arrows in the ladder pane
        vm = app.viewModel();
    }

    @AfterAll
    static void forgetPreferences() throws Exception {
        Preferences.userRoot().node("dev/parley/test/pop3window").removeNode();
    }

    private void waitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> !vm.loadingProperty().get() && vm.modelProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(Path capture) throws Exception {
        interact(() -> vm.open(capture));
        waitLoaded();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    private void selectRow(int row) {
        clickOn(lookup(".session-table .table-row-cell").nth(row).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Pop3View pop3View() {
        return view.pop3View();
    }

    @Test
    void listsTheSessionAndShowsItsLadderMailboxAndMail() throws Exception {
        waitLoaded();
        TableView<SessionRow> table = view.sessionList().table();
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(1);
        SessionRow row = onFx(() -> table.getItems().get(0));
        assertThat(row.kind()).isEqualTo(SessionKind.POP3);
        assertThat(row.isPop3()).isTrue();
        assertThat(row.from()).isEqualTo("alice");
        assertThat(row.to()).endsWith(":110");
        assertThat(row.state()).isEqualTo("UPDATE");
        assertThat(row.messages()).isEqualTo(12 - 1); // tshark's 12 requests count the SASL line too
        assertThat(row.lastStatusText()).isEqualTo("AUTH PLAIN");

        // the kind filter includes POP3
        interact(() -> vm.sessionList().kindFilterProperty().set(SessionKind.CALL));
        assertThat(onFx(() -> table.getItems().size())).isZero();
        interact(() -> vm.sessionList().kindFilterProperty().set(SessionKind.POP3));
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(1);
        interact(() -> vm.sessionList().kindFilterProperty().set(null));

        selectRow(0);
        assertThat(onFx(() -> vm.sessionList().selectedPop3Sessions().size())).isEqualTo(1);
        assertThat(onFx(() -> vm.pop3().activeProperty().get())).isTrue();
        assertThat(onFx(() -> view.splitPanes().get(1).getItems().get(1))).isSameAs(pop3View());

        LadderModel ladder = onFx(() -> vm.ladder().getModel());
        assertThat(ladder.columns()).hasSize(2);
        assertThat(ladder.columns().get(1).key()).endsWith(":110");
        assertThat(ladder.arrows()).extracting(LadderArrow::label)
                .contains("CAPA", "AUTH PLAIN", "STAT", "RETR 2", "DELE 4", "QUIT")
                .anyMatch(l -> l.startsWith("+OK 816 octets (mail, "))
                .noneMatch(l -> l.contains("Wonderland-42"));
        assertThat(countDrawnPixels()).as("pixels of the ladder differing from its background").isGreaterThan(1500);

        // the mailbox table
        List<MailboxEntry> box = onFx(() -> List.copyOf(pop3View().sessionView().mailboxTable().getItems()));
        assertThat(box).extracting(MailboxEntry::number).containsExactly(1, 2, 3, 4);
        assertThat(box).extracting(MailboxEntry::size).containsExactly(570L, 816L, 761L, 256L);
        assertThat(box).allMatch(e -> e.retrieved() && e.uid() != null);
        assertThat(box).extracting(MailboxEntry::deleted).containsExactly(false, false, false, true);
        assertThat(onFx(() -> lookup(".pop3-mailbox .table-row-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null).count())).isEqualTo(4L);
        assertThat(onFx(() -> pop3View().sessionView().timelineBox().getChildren().size())).isEqualTo(3);

        // clicking the RETR 2 arrow opens mail 2 in the viewer
        int retr2 = ladder.arrows().stream().filter(a -> a.label().equals("RETR 2")).findFirst().orElseThrow().index();
        assertThat(ladder.arrows().get(retr2 + 3).label()).startsWith("+OK 761 octets");
        interact(() -> vm.ladder().select(retr2 + 3)); // the reply to RETR 3: scrolls there and opens mail 3
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> vm.pop3().mail().mailProperty().get().number())).isEqualTo(3);
        Point2D p = onFx(() -> view.ladder().arrowPoint(retr2));
        assertThat(p).isNotNull();
        interact(() -> view.ladder().requestFocus());
        clickOn(onFx(() -> view.ladder().localToScreen(p)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> pop3View().getSelectionModel().getSelectedItem())).isSameAs(pop3View().mailTab());
        MailView mail = pop3View().mailView();
        assertThat(onFx(() -> vm.pop3().mail().mailProperty().get().number())).isEqualTo(2);
        List<String> attachments = onFx(() -> mail.attachmentsTable().getItems().stream()
                .map(MimePart::filename).toList());
        assertThat(attachments).containsExactly("report.csv");
        assertThat(onFx(() -> vm.pop3().mail().partialProperty().get())).isFalse();

        // save as .eml through an injected chooser: the bytes curl received
        Path target = tmp.resolve("mail2.eml");
        AtomicReference<String> suggested = new AtomicReference<>();
        interact(() -> mail.setSaveDialog((title, name, owner) -> {
            suggested.set(name);
            return target;
        }));
        clickOn(mail.saveEmlButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(suggested.get()).endsWith(".eml");
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(Path.of("samples", "pop3-mails", "2.eml")));

        // save the attachment: its decoded content
        Path csv = tmp.resolve("report.csv");
        interact(() -> mail.setSaveDialog((title, name, owner) -> csv));
        clickOn(mail.saveAttachmentButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(csv)).isNotEmpty();
        assertThat(Files.readAllBytes(csv)).isEqualTo(onFx(() -> mail.attachmentsTable().getItems().get(0).content()));
    }

    @Test
    void mailThreeShowsItsDecodedSubjectAndHtmlAsText() throws Exception {
        waitLoaded();
        selectRow(0);
        TableView<Pop3Rows.MailRow> mails = pop3View().sessionView().mailsTable();
        assertThat(onFx(() -> mails.getItems().size())).isEqualTo(4);
        assertThat(onFx(() -> mails.getItems().get(2).subject())).isEqualTo("Café ☕ où est-ce?");
        interact(() -> mails.getSelectionModel().select(2));
        interact(() -> pop3View().sessionView().openMailButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> vm.pop3().mail().subjectProperty().get())).isEqualTo("Café ☕ où est-ce?");
        assertThat(onFx(() -> pop3View().mailView().headersTable().getItems().stream()
                .anyMatch(h -> h.name().equals("Subject") && h.value().equals("Café ☕ où est-ce?")))).isTrue();
        // pick the HTML part in the tree: shown as its source, with a note
        MimePart html = onFx(() -> vm.pop3().mail().messageProperty().get().root().flatten().stream()
                .filter(x -> x.mimeType().equals("text/html")).findFirst().orElseThrow());
        interact(() -> vm.pop3().mail().selectedPartProperty().set(html));
        String shown = onFx(() -> pop3View().mailView().textArea().getText());
        assertThat(shown).startsWith("[HTML part shown as source text").contains("<");
        assertThat(onFx(() -> pop3View().mailView().partTree().getSelectionModel().getSelectedItem().getValue()))
                .isSameAs(html);
    }

    @Test
    void apopAndCramMd5PasswordsAreChecked() throws Exception {
        open(APOP_CRAM);
        TableView<SessionRow> table = view.sessionList().table();
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            selectRow(i);
            Pop3SessionView panel = pop3View().sessionView();
            String method = onFx(() -> vm.pop3().session().methodProperty().get());
            assertThat(method).isIn("APOP", "AUTH CRAM-MD5");
            assertThat(onFx(() -> panel.checkButton().isDisabled())).isFalse();
            interact(() -> panel.checkField().setText("builder"));
            clickOn(panel.checkButton());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(onFx(() -> vm.pop3().session().checkResultProperty().get().verdict())).as(method)
                    .isEqualTo(Verdict.MATCH);
            assertThat(onFx(() -> panel.checkResultLabel().getText())).startsWith("MATCH");
            interact(() -> panel.checkField().clear());
            interact(() -> panel.checkField().setText("bulldozer"));
            clickOn(panel.checkButton());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(onFx(() -> vm.pop3().session().checkResultProperty().get().verdict())).as(method)
                    .isEqualTo(Verdict.MISMATCH);
            assertThat(onFx(() -> panel.checkResultLabel().getText())).startsWith("MISMATCH");
        }
        // TOP 1 5 is a partial mail
        selectRow(0);
        interact(() -> vm.pop3().openMail(vm.pop3().shownProperty().get().mails().get(0)));
        assertThat(onFx(() -> vm.pop3().mail().partialProperty().get())).isTrue();
        assertThat(onFx(() -> vm.pop3().mail().partialNoteProperty().get())).contains("Partial mail", "TOP 1 5");
    }

    @Test
    void aClearTextPasswordIsMaskedUntilShow() throws Exception {
        open(FETCHMAIL);
        selectRow(0);
        Pop3SessionView panel = pop3View().sessionView();
        assertThat(onFx(() -> panel.passwordLabel().getText())).isEqualTo(Secrets.MASK);
        assertThat(onFx(() -> lookup(".label").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled)
                .map(n -> ((javafx.scene.control.Labeled) n).getText())
                .anyMatch(t -> t != null && t.contains("Wonderland-42")))).isFalse();
        assertThat(onFx(() -> vm.ladder().getModel().arrows().stream()
                .anyMatch(a -> a.label().contains("Wonderland-42")))).isFalse();
        clickOn(panel.showPasswordButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> panel.passwordLabel().getText())).isEqualTo("Wonderland-42");
        clickOn(panel.showPasswordButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> panel.passwordLabel().getText())).isEqualTo(Secrets.MASK);
        // the clear-text password can be checked too
        interact(() -> panel.checkField().setText("Wonderland-42"));
        clickOn(panel.checkButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> vm.pop3().session().checkResultProperty().get().verdict())).isEqualTo(Verdict.MATCH);
        assertThat(onFx(() -> view.sessionList().table().getItems().get(0).state())).isEqualTo("UPDATE");
    }

    private int countDrawnPixels() {
        return Snapshots.drawnPixels(onFx(() -> view.ladder().snapshot(null, null)));
    }
}
