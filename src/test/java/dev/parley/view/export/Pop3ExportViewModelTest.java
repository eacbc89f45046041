package dev.parley.view.export;

import dev.parley.view.FakeFxThread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.view.MainViewModel;
import dev.parley.view.sessions.SessionRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports of a POP3 selection through the view model (no toolkit: hand-driven FX thread, worker inline) on
 * samples/pop3-curl-plain.pcap: the ladder with the password masked, the session's frames, and its mails.
 */
class Pop3ExportViewModelTest {
    private static final Path SAMPLE = Path.of("samples", "pop3-curl-plain.pcap");
    private final FakeFxThread fx = new FakeFxThread();
    private MainViewModel main;
    private ExportViewModel vm;

    @TempDir
    Path tmp;

    @BeforeEach
    void load() throws Exception {
        main = new MainViewModel(fx);
        vm = new ExportViewModel(main, fx, Runnable::run);
        main.open(SAMPLE);
        fx.runUntil(() -> !main.loadingProperty().get());
        SessionRow pop3 = main.sessionList().allRows().stream().filter(SessionRow::isPop3).findFirst().orElseThrow();
        main.sessionList().select(List.of(pop3));
    }

    @AfterEach
    void close() {
        main.shutdown();
    }

    private String run(CompletableFuture<String> done) throws Exception {
        fx.runUntil(done::isDone);
        return done.get(1, TimeUnit.SECONDS);
    }

    @Test
    void aPop3SelectionExportsItsLadder() throws Exception {
        assertThat(main.sessionList().selectedSessions()).isEmpty();
        assertThat(main.sessionList().selectedPop3Sessions()).hasSize(1);
        assertThat(vm.availableProperty(ExportSubject.DIAGRAM).get()).isTrue();
        assertThat(vm.availableProperty(ExportSubject.REPORT).get()).isTrue();
        assertThat(vm.suggestedFile(ExportFormat.SVG).getFileName().toString()).isEqualTo("pop3-session-1.svg");

        Path svg = tmp.resolve("pop3.svg");
        String summary = run(vm.export(new ExportOptions(ExportFormat.SVG, 1, true, false, false), svg));
        int commands = main.sessionList().selectedPop3Sessions().get(0).commandCount();
        assertThat(summary).isEqualTo("1 session, " + commands + " POP3 commands");
        String text = Files.readString(svg);
        assertThat(text).contains("<svg", "RETR 1", "POP3 session 1 (alice)")
                .doesNotContain("Wonderland-42", "AGFsaWNlAFdvbmRlcmxhbmQtNDI=");
        assertThat(main.statusProperty().get()).startsWith("Exported pop3.svg");

        Path html = tmp.resolve("pop3.html");
        run(vm.export(ExportOptions.of(ExportFormat.HTML), html));
        assertThat(Files.readString(html)).contains("C: RETR 1", "passwords masked").doesNotContain("Wonderland-42");
    }

    @Test
    void aPop3SelectionExportsItsFrames() throws Exception {
        Path pcap = tmp.resolve("pop3.pcap");
        assertThat(run(vm.export(ExportOptions.of(ExportFormat.PCAP), pcap))).contains(" POP3");
        var back = new dev.parley.session.CaptureLoader().load(pcap).pop3().sessions();
        assertThat(back).hasSize(1);
        assertThat(back.get(0).commandCount())
                .isEqualTo(main.sessionList().selectedPop3Sessions().get(0).commandCount());
    }

    @Test
    void mailsGoIntoTheChosenFolderByteForByte() throws Exception {
        assertThat(vm.mailsAvailableProperty().get()).isTrue();
        assertThat(vm.suggestedMailFolder().getFileName().toString()).isEqualTo("pop3-session-1-mails");
        Path folder = tmp.resolve("mails"); // not there yet: created
        assertThat(run(vm.exportMails(folder))).isEqualTo("4 mails");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(4);
        for (int n = 1; n <= 4; n++) {
            assertThat(Files.readAllBytes(files.get(n - 1))).as("mail %d", n)
                    .isEqualTo(Files.readAllBytes(Path.of("samples", "pop3-mails", n + ".eml")));
        }
        assertThat(main.statusProperty().get()).isEqualTo("Exported 4 mails into mails");
    }

    @Test
    void mailsAreUnavailableWithoutAPop3Selection() throws Exception {
        main.sessionList().select(List.<SessionRow>of());
        assertThat(vm.mailsAvailableProperty().get()).isFalse();
        assertThat(vm.availableProperty(ExportSubject.DIAGRAM).get()).isFalse();
        CompletableFuture<String> done = vm.exportMails(tmp.resolve("none"));
        fx.runUntil(done::isDone);
        assertThat(done).isCompletedExceptionally();
        assertThat(vm.errorProperty().get().reason()).contains("no retrieved mail");
        assertThat(tmp.resolve("none")).doesNotExist();
    }
}
