package dev.parley.view.export;

import dev.parley.view.FakeFxThread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.diagram.LadderColumn;
import dev.parley.export.SessionColumn;
import dev.parley.view.MainViewModel;
import dev.parley.view.sessions.SessionRow;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports through the view model on samples/sip-call-udp.pcap with a hand-driven FX thread and the worker run inline:
 * the file follows what the screen shows (aliases, merged ports, filter, columns), failures name the file and reason.
 */
class ExportViewModelTest {
    private static final Path SAMPLE = Path.of("samples", "sip-call-udp.pcap");
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
        main.sessionList().select(List.of(main.sessionList().allRows().get(0)));
    }

    @AfterEach
    void close() {
        main.shutdown();
    }

    private String run(ExportOptions options, Path target) throws Exception {
        CompletableFuture<String> done = vm.export(options, target);
        fx.runUntil(done::isDone);
        return done.get(1, TimeUnit.SECONDS);
    }

    @Test
    void diagramHasTheScreensAliasesAndTheLegend() throws Exception {
        LadderColumn first = main.ladder().getModel().columns().get(0);
        main.naming().setAlias(first.key(), "UAC");
        Path svg = tmp.resolve("call.svg");
        String summary = run(new ExportOptions(ExportFormat.SVG, 1, true, false, false), svg);

        String text = Files.readString(svg);
        assertThat(summary).isEqualTo("1 session, 7 messages");
        assertThat(text).as("the alias names the column, its endpoint under it").contains(">UAC<",
                ">" + first.key() + "<", ">Legend<", "alice -&gt; bob");
        assertThat(count(text, "class='arrow")).isEqualTo(main.ladder().getModel().arrows().size());
        assertThat(main.statusProperty().get()).isEqualTo("Exported call.svg (1 session, 7 messages)");
        assertThat(vm.runningProperty().get()).isFalse();
        try (var files = Files.list(tmp)) {
            assertThat(files).as("no temporary file left").containsExactly(svg);
        }
    }

    @Test
    void mergedPortsGiveTheScreensColumns() throws Exception {
        main.naming().mergePortsProperty().set(true);
        List<String> screen = main.ladder().getModel().columns().stream().map(LadderColumn::label).toList();
        Path txt = tmp.resolve("ladder.txt");
        run(ExportOptions.of(ExportFormat.DIAGRAM_TEXT), txt);

        String text = Files.readString(txt);
        assertThat(screen).hasSize(1).allSatisfy(label -> assertThat(text).contains(label));
        assertThat(text).doesNotContain("127.0.0.1:5060");
    }

    @Test
    void listHasTheVisibleRowsAndColumns() throws Exception {
        String wanted = main.sessionList().allRows().get(1).callId();
        main.sessionList().filterTextProperty().set(wanted.substring(0, 12));
        assertThat(main.sessionList().rows()).hasSize(1);
        vm.setListColumns(() -> List.of(SessionColumn.CALL_ID, SessionColumn.STATE, SessionColumn.FROM));
        Path csv = tmp.resolve("list.csv");
        assertThat(run(new ExportOptions(ExportFormat.CSV, 1, false, true, false), csv))
                .isEqualTo("1 row, 3 columns");

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(Files.readString(csv))).getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getParser().getHeaderNames()).containsExactly("call-id", "state", "from");
        assertThat(records.get(0).get("call-id")).isEqualTo(wanted);
        assertThat(records.get(0).get("state")).isEqualTo("COMPLETED");
        assertThat(records.get(0).get("from")).isEqualTo("user-1");
    }

    @Test
    void selectedMessageIsItsWireTextRedacted() throws Exception {
        main.ladder().select(0);
        Path txt = tmp.resolve("invite.txt");
        run(new ExportOptions(ExportFormat.MESSAGE_TEXT, 1, false, true, false), txt);

        String text = Files.readString(txt, StandardCharsets.UTF_8);
        assertThat(text).startsWith("INVITE sip:user-").contains("Call-ID: " + main.sessionList().selectedSessions()
                .get(0).callId()).doesNotContain("\r").doesNotContainIgnoringCase("alice");
    }

    @Test
    void suggestedFilesAreCallIdsInTheCapturesFolder() throws Exception {
        String callId = main.sessionList().selectedSessions().get(0).callId();
        Path svg = vm.suggestedFile(ExportFormat.SVG);
        assertThat(svg.getParent()).isEqualTo(SAMPLE.toAbsolutePath().getParent());
        assertThat(svg.getFileName().toString()).isEqualTo(FileNames.sanitise(callId) + ".svg")
                .doesNotContain("@");
        assertThat(vm.suggestedFile(ExportFormat.MESSAGES_TEXT).getFileName().toString()).endsWith("-messages.txt");
        assertThat(vm.suggestedFile(ExportFormat.CSV).getFileName().toString()).isEqualTo("sip-call-udp-sessions.csv");
        main.ladder().select(2);
        assertThat(vm.suggestedFile(ExportFormat.MESSAGE_TEXT).getFileName().toString())
                .isEqualTo(FileNames.sanitise(callId) + "-frame" + main.ladder().getSelectedArrow().message().frame()
                        + ".txt");
        main.sessionList().select(List.copyOf(main.sessionList().allRows()));
        assertThat(vm.suggestedFile(ExportFormat.PCAP).getFileName().toString()).endsWith("-and-2-more.pcap");

        run(ExportOptions.of(ExportFormat.PCAP), tmp.resolve("all.pcap"));
        assertThat(vm.suggestedFile(ExportFormat.PCAP).getParent()).as("the last export's folder")
                .isEqualTo(tmp.toAbsolutePath());
    }

    @Test
    void availabilityFollowsTheSelection() {
        assertThat(vm.availableProperty(ExportSubject.DIAGRAM).get()).isTrue();
        assertThat(vm.availableProperty(ExportSubject.LIST).get()).isTrue();
        main.ladder().select(-1);
        assertThat(vm.availableProperty(ExportSubject.MESSAGE).get()).isFalse();
        main.ladder().select(1);
        assertThat(vm.availableProperty(ExportSubject.MESSAGE).get()).isTrue();
        main.sessionList().select(List.<SessionRow>of());
        assertThat(vm.availableProperty(ExportSubject.DIAGRAM).get()).isFalse();
        assertThat(vm.availableProperty(ExportSubject.PACKETS).get()).isFalse();
        main.close();
        assertThat(vm.availableProperty(ExportSubject.LIST).get()).isFalse();
    }

    @Test
    void aFailureNamesTheFileAndTheReason() throws Exception {
        Path target = tmp.resolve("missing").resolve("call.pdf");
        CompletableFuture<String> done = vm.export(ExportOptions.of(ExportFormat.PDF), target);
        fx.runUntil(done::isDone);

        assertThat(done).isCompletedExceptionally();
        assertThat(vm.errorProperty().get()).isEqualTo(new ExportError(target, "the folder does not exist"));
        assertThat(main.statusProperty().get()).isEqualTo("Export failed: call.pdf");
        assertThat(Files.exists(tmp.resolve("missing"))).isFalse();

        Path folder = Files.createDirectory(tmp.resolve("folder.pdf"));
        CompletableFuture<String> again = vm.export(ExportOptions.of(ExportFormat.PDF), folder);
        fx.runUntil(again::isDone);
        assertThat(vm.errorProperty().get()).isEqualTo(new ExportError(folder, "it is a folder"));

        main.sessionList().select(List.<SessionRow>of());
        CompletableFuture<String> none = vm.export(ExportOptions.of(ExportFormat.SVG), tmp.resolve("x.svg"));
        assertThat(none).isCompletedExceptionally();
        assertThat(vm.errorProperty().get().reason()).isEqualTo("no session is selected");
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
