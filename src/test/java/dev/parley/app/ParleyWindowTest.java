package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderModel;
import dev.parley.testsupport.Snapshots;
import dev.parley.view.MainView;
import dev.parley.view.MainViewModel;
import dev.parley.view.message.DetailNode;
import dev.parley.view.message.MessageDetailView;
import dev.parley.view.sessions.SessionListView;
import dev.parley.view.sessions.SessionRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on samples/sip-call-udp.pcap: list, ladder, message detail, filter, close, errors. */
class ParleyWindowTest extends ApplicationTest {
    private static final Path SAMPLE = Path.of("samples", "sip-call-udp.pcap");
    private final Preferences prefs = Preferences.userRoot().node("dev/parley/test/window");
    private Parley app;
    private MainView view;
    private MainViewModel vm;
    private Stage stage;

    @TempDir
    Path tmp;

    @Override
    public void start(Stage stage) throws Exception {
        prefs.clear();
        app = new Parley(new AppPreferences(prefs));
        this.stage = stage;
        view = app.show(stage, SAMPLE);
        vm = app.viewModel();
    }

    @AfterAll
    static void forgetPreferences() throws Exception {
        Preferences.userRoot().node("dev/parley/test/window").removeNode();
    }

    private void waitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> !vm.loadingProperty().get() && vm.modelProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    @Test
    void showsTheCallsTheirLadderAndTheMessageTree() throws Exception {
        waitLoaded();
        TableView<SessionRow> table = view.sessionList().table();
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(3);
        assertThat(onFx(() -> vm.sessionCountProperty().get())).isEqualTo(3);
        assertThat(onFx(() -> vm.ladder().getModel().arrows().size())).as("first call shown on load").isEqualTo(7);

        clickOn(lookup(".session-table .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        clickOn(lookup(".session-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> vm.sessionList().selectedSessions().size())).isEqualTo(1);

        LadderModel ladder = onFx(() -> vm.ladder().getModel());
        assertThat(ladder.columns()).hasSize(2);
        assertThat(ladder.arrows()).extracting(LadderArrow::label).containsExactly(
                "INVITE", "100 Trying", "180 Ringing", "200 OK", "ACK", "BYE", "200 OK");
        assertThat(countDrawnPixels()).as("pixels of the ladder differing from its background").isGreaterThan(1500);

        // Click the INVITE arrow on the canvas (select another one first, so the click is what selects it).
        interact(() -> vm.ladder().select(3));
        Point2D invite = onFx(() -> view.ladder().arrowPoint(0));
        assertThat(invite).isNotNull();
        clickOn(onFx(() -> view.ladder().localToScreen(invite)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> vm.ladder().getSelectedArrow().label())).isEqualTo("INVITE");

        DetailNode tree = onFx(() -> vm.detail().treeProperty().get());
        assertThat(tree).isNotNull();
        assertThat(labels(tree)).contains("Request-Line", "Message Header");
        DetailNode from = tree.child("Message Header").child("From");
        assertThat(from).isNotNull();
        assertThat(from.value()).contains("alice");
        MessageDetailView detail = lookup("." + MessageDetailView.STYLE_CLASS).queryAs(MessageDetailView.class);
        List<String> shown = onFx(() -> treeLabels(detail.treeView().getRoot()));
        assertThat(shown).contains("Message Header", "From");
    }

    @Test
    void theWindowCarriesParleysIconAtEverySize() throws Exception {
        List<Double> widths = onFx(() -> stage.getIcons().stream().map(javafx.scene.image.Image::getWidth).toList());
        assertThat(widths).containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
        javafx.scene.image.Image largest = onFx(() -> stage.getIcons().get(stage.getIcons().size() - 1));
        assertThat(largest.isError()).isFalse();
        // the ladder's background colour in the middle of the icon's left edge, not a blank image
        assertThat(onFx(() -> largest.getPixelReader().getArgb(20, 128))).isEqualTo(0xff1f3a5f);
    }

    @Test
    void quickFilterNarrowsTheListAndEscapeClearsIt() throws Exception {
        waitLoaded();
        TableView<SessionRow> table = view.sessionList().table();
        String callId = onFx(() -> table.getItems().get(1).callId());

        type(KeyCode.SLASH);
        assertThat(onFx(() -> view.sessionList().filterField().isFocused())).isTrue();
        write(callId);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(1);
        assertThat(onFx(() -> table.getItems().get(0).callId())).isEqualTo(callId);

        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(3);

        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(onFx(() -> view.sessionList().filterField().isFocused())).isTrue();
        write("nobody-matches-this");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getItems().size())).isZero();
    }

    @Test
    void theMethodChoiceOffersTheCapturesMethodsAndFiltersTheList() throws Exception {
        waitLoaded();
        TableView<SessionRow> table = view.sessionList().table();
        @SuppressWarnings("unchecked")
        ChoiceBox<String> methods = lookup("." + SessionListView.METHOD_FILTER).queryAs(ChoiceBox.class);
        assertThat(onFx(() -> new ArrayList<>(methods.getItems()))).containsExactly(null, "INVITE");
        // the choice as the popup makes it (clicking the popup's item by text could hit an "INVITE" table cell)
        interact(() -> methods.setValue("INVITE"));
        assertThat(onFx(() -> vm.sessionList().methodFilterProperty().get())).isEqualTo("INVITE");
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(3);
        interact(() -> vm.sessionList().stateFilterProperty().set("BUSY"));
        assertThat(onFx(() -> table.getItems().size())).isZero();
    }

    @Test
    void ctrlWClosesTheCapture() throws Exception {
        waitLoaded();
        interact(() -> view.sessionList().focusTable());
        press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> view.sessionList().table().getItems().size())).isZero();
        assertThat(onFx(() -> vm.fileProperty().get())).isNull();
        assertThat(onFx(() -> vm.ladder().getModel().isEmpty())).isTrue();
    }

    @Test
    void anUnreadableFileShowsAnErrorNamingIt() throws Exception {
        waitLoaded();
        Path bad = tmp.resolve("not-a-capture.pcap");
        Files.write(bad, "this is not a capture file at all".getBytes(StandardCharsets.US_ASCII));
        interact(() -> vm.open(bad));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> view.errorDialog() != null));
        String header = onFx(() -> view.errorDialog().getHeaderText());
        String content = onFx(() -> view.errorDialog().getContentText());
        assertThat(header).contains("not-a-capture.pcap");
        assertThat(content).contains("not-a-capture.pcap");
        String reason = onFx(() -> vm.loadErrorProperty().get().reason());
        assertThat(reason).isNotBlank();
        assertThat(content).contains(reason).doesNotContain("Exception").doesNotContain("\tat ");
        interact(() -> view.errorDialog().close());
        assertThat(onFx(() -> view.sessionList().table().getItems().size())).isZero();
    }

    private int countDrawnPixels() {
        return Snapshots.drawnPixels(onFx(() -> view.ladder().snapshot(null, null)));
    }

    private static List<String> treeLabels(TreeItem<DetailNode> item) {
        List<String> out = new java.util.ArrayList<>();
        if (item.getValue() != null) {
            out.add(item.getValue().label());
        }
        for (TreeItem<DetailNode> c : item.getChildren()) {
            out.addAll(treeLabels(c));
        }
        return out;
    }

    private static List<String> labels(DetailNode root) {
        return root.children().stream().map(DetailNode::label).collect(Collectors.toList());
    }
}
