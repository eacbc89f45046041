package dev.parley.view.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.sip.SipSession;
import dev.parley.view.MainView;
import dev.parley.view.MainViewModel;
import dev.parley.view.sessions.SessionRow;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Export menu of the real main window on samples/sip-call-udp.pcap, headless: select the call, fire a menu item,
 * answer the options dialog by clicking Export, let an injected picker name the file, then read the file back.
 */
class ExportMenuTest extends ApplicationTest {
    private static final Path SAMPLE = Path.of("samples", "sip-call-udp.pcap");
    private MainViewModel vm;
    private MainView view;
    private ExportMenu menu;
    private final List<Path> suggested = new ArrayList<>();

    @TempDir
    Path tmp;

    @Override
    public void start(Stage stage) {
        vm = new MainViewModel();
        view = new MainView(vm);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
        vm.open(SAMPLE);
    }

    @Override
    public void stop() {
        vm.shutdown();
    }

    private <T> T onFx(Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    @BeforeEach
    void selectTheFirstCall() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> !vm.loadingProperty().get() && vm.modelProperty().get() != null));
        menu = onFx(() -> ((MenuBar) view.getTop()).getMenus().stream().filter(m -> m instanceof ExportMenu)
                .map(m -> (ExportMenu) m).findFirst().orElseThrow());
        interact(() -> view.sessionList().table().getSelectionModel().clearAndSelect(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> vm.sessionList().selectedSessions().size())).isEqualTo(1);
    }

    /** Fires the subject's menu item, sets the dialog up, clicks Export; returns the file once written. */
    private Path export(ExportSubject subject, ExportFormat format, Consumer<ExportDialog> options, String name)
            throws Exception {
        Path target = tmp.resolve(name);
        interact(() -> menu.setFilePicker((f, s) -> {
            suggested.add(s);
            return f == format ? target : null;
        }));
        assertThat(onFx(() -> menu.item(subject).isDisable())).isFalse();
        interact(() -> menu.item(subject).fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> menu.dialog() != null
                && menu.dialog().isShowing()));
        ExportDialog dialog = onFx(() -> (ExportDialog) menu.dialog());
        assertThat(onFx(dialog::getHeaderText)).isEqualTo(subject.title());
        interact(() -> {
            dialog.format.setValue(format);
            options.accept(dialog);
        });
        clickOn(onFx(() -> dialog.getDialogPane().lookupButton(ExportDialog.EXPORT)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> menu.lastExport() != null
                && menu.lastExport().isDone() && !menu.viewModel().runningProperty().get()));
        assertThat(onFx(() -> menu.dialog())).isNull();
        assertThat(onFx(() -> menu.lastExport().get())).isNotEmpty();
        assertThat(onFx(() -> vm.statusProperty().get())).startsWith("Exported " + name + " (");
        return target;
    }

    @Test
    void svgOfTheSelectedCallHasItsArrows() throws Exception {
        Path svg = export(ExportSubject.DIAGRAM, ExportFormat.SVG, d -> d.legend.setSelected(true), "call.svg");

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        List<String> labels = new ArrayList<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").startsWith("arrow")) {
                assertThat(g.getElementsByTagName("line").getLength()).isPositive();
                labels.add(g.getElementsByTagName("text").item(0).getTextContent());
            }
        }
        List<String> screen = onFx(() -> vm.ladder().getModel().arrows().stream().map(a -> a.label()).toList());
        assertThat(labels).hasSize(7).containsExactlyElementsOf(screen);
        assertThat(labels.get(0)).isEqualTo("INVITE");
        assertThat(Files.readString(svg)).contains(">Legend<");
        String callId = onFx(() -> vm.sessionList().selectedSessions().get(0).callId());
        assertThat(suggested.get(0).getFileName().toString()).isEqualTo(FileNames.sanitise(callId) + ".svg");
    }

    @Test
    void pdfOfTheSelectedCallHoldsItsMessagesAsText() throws Exception {
        Path pdf = export(ExportSubject.DIAGRAM, ExportFormat.PDF, d -> { }, "call.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("INVITE", "180 Ringing", "BYE");
        }
    }

    @Test
    void pcapOfTheSelectedCallReloadsToTheSameCall() throws Exception {
        Path pcap = export(ExportSubject.PACKETS, ExportFormat.PCAP, d -> d.rtp.setSelected(false), "call.pcap");
        SipSession original = onFx(() -> vm.sessionList().selectedSessions().get(0));

        CaptureModel reloaded = new CaptureLoader().load(pcap);
        assertThat(reloaded.sip().sessions()).hasSize(1);
        SipSession again = reloaded.sip().sessions().get(0);
        assertThat(again.callId()).isEqualTo(original.callId());
        assertThat(again.messages()).hasSameSizeAs(original.messages());
        assertThat(again.messages().stream().map(m -> m.label()).toList())
                .isEqualTo(original.messages().stream().map(m -> m.label()).toList());
    }

    @Test
    void csvOfTheListHasTheVisibleRowsAndColumns() throws Exception {
        TableView<SessionRow> table = view.sessionList().table();
        String wanted = onFx(() -> vm.sessionList().allRows().get(2).callId());
        interact(() -> {
            vm.sessionList().filterTextProperty().set(wanted.substring(0, wanted.indexOf('@')));
            for (TableColumn<SessionRow, ?> c : table.getColumns()) {
                if (c.getText().equals("Transport") || c.getText().equals("PDD")) {
                    c.setVisible(false);
                }
            }
        });
        int visible = onFx(() -> table.getItems().size());
        assertThat(visible).isBetween(1, 2);
        Path csv = export(ExportSubject.LIST, ExportFormat.CSV, d -> { }, "list.csv");

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(Files.readString(csv))).getRecords();
        assertThat(records).hasSize(visible);
        List<String> header = records.get(0).getParser().getHeaderNames();
        assertThat(header).contains("call-id", "from", "to", "state", "source", "destination")
                .doesNotContain("transport", "pdd", "setup", "index");
        List<String> shown = onFx(() -> table.getItems().stream().map(SessionRow::callId).toList());
        assertThat(records.stream().map(r -> r.get("call-id")).toList()).isEqualTo(shown);
        assertThat(suggested.get(0).getFileName().toString()).isEqualTo("sip-call-udp-sessions.csv");
    }

    @Test
    void aFailedExportIsShownWithTheFileAndTheReason() throws Exception {
        Path target = tmp.resolve("gone").resolve("call.svg");
        interact(() -> menu.setFilePicker((f, s) -> target));
        interact(() -> menu.export(ExportOptions.of(ExportFormat.SVG)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> menu.errorDialog() != null
                && menu.errorDialog().isShowing()));
        assertThat(onFx(() -> menu.errorDialog().getHeaderText())).isEqualTo("Cannot export call.svg");
        assertThat(onFx(() -> menu.errorDialog().getContentText())).contains(target.toAbsolutePath().toString())
                .contains("the folder does not exist").doesNotContain("Exception", "\tat ");
        assertThat(onFx(() -> vm.statusProperty().get())).isEqualTo("Export failed: call.svg");
        interact(() -> menu.errorDialog().close());
    }

    @Test
    void everyListColumnIsKnownAndTheContextMenuOffersExports() {
        List<String> titles = onFx(() -> view.sessionList().table().getColumns().stream().map(TableColumn::getText)
                .toList());
        assertThat(ListColumns.BY_TITLE.keySet()).containsAll(titles);
        assertThat(onFx(() -> ListColumns.of(view.sessionList().table()))).isEqualTo(ListColumns.DEFAULT);
        List<String> context = onFx(() -> view.sessionList().table().getContextMenu().getItems().stream()
                .map(MenuItem::getText).toList());
        assertThat(context).contains("Export diagram\u2026", "Export packets\u2026", "Export HTML report\u2026");
        interact(() -> view.sessionList().table().getSelectionModel().clearSelection());
        assertThat(onFx(() -> menu.item(ExportSubject.DIAGRAM).isDisable())).isTrue();
        assertThat(onFx(() -> menu.item(ExportSubject.LIST).isDisable())).isFalse();
    }
}
