package dev.parley.view;

import dev.parley.diagram.LadderColumn;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import dev.parley.view.callflow.CallFlowView;
import dev.parley.view.capture.CaptureView;
import dev.parley.view.capture.CaptureViewModel;
import dev.parley.view.ladder.LadderView;
import dev.parley.view.message.MessageDetailView;
import dev.parley.view.pop3.Pop3View;
import dev.parley.view.sessions.SessionListView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The main window's content: menus, the session list above, the ladder of the selected sessions below it with the
 * message detail and call flow in tabs beside it, and the status bar. Drop a capture on it to open it.
 */
public final class MainView extends BorderPane {
    public static final String STYLE_CLASS = "parley-main";
    public static final String ERROR_DIALOG = "load-error-dialog";
    public static final String ANOMALY_DIALOG = "anomaly-dialog";
    public static final String DROP_TARGET = "drop-target";
    public static final String ALIAS_DIALOG = "alias-dialog";
    public static final String ALIASES_DIALOG = "aliases-dialog";

    private final MainViewModel vm;
    private final SessionListView sessionList;
    private final LadderView ladder;
    private final SplitPane vertical = new SplitPane();
    private final SplitPane horizontal = new SplitPane();
    private final TabPane sideTabs = new TabPane();
    private final Pop3View pop3View;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final Menu recentMenu = new Menu("Open _Recent");
    private Runnable onQuit = () -> getScene().getWindow().hide();
    private Alert errorDialog;
    private CaptureViewModel captureVm;
    private Stage captureStage;
    private TextInputDialog aliasDialog;

    public MainView(MainViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE_CLASS);
        sessionList = new SessionListView(vm.sessionList());
        ladder = new LadderView(vm.ladder());
        sessionList.setOnActivate(ladder::requestFocus);
        ladder.setOnEditColumn(this::editAlias);

        Tab message = new Tab("Message", messageDetail());
        Tab flow = new Tab("Call flow", callFlow());
        sideTabs.getTabs().addAll(message, flow);
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sideTabs.getStyleClass().add("side-tabs");

        horizontal.setOrientation(Orientation.HORIZONTAL);
        horizontal.getItems().addAll(ladder, sideTabs);
        horizontal.setDividerPositions(0.5);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.getItems().addAll(sessionList, horizontal);
        vertical.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(sessionList, false);
        // a POP3 session shows its panel and mail viewer in place of the SIP message detail and call flow
        pop3View = new Pop3View(vm.pop3());
        vm.pop3().activeProperty().addListener((o, a, on) -> {
            double[] at = horizontal.getDividerPositions();
            horizontal.getItems().set(1, on ? pop3View : sideTabs);
            horizontal.setDividerPositions(at);
        });

        setTop(menuBar());
        setCenter(vertical);
        setBottom(new StatusBar(vm, this::showAnomalies));

        installKeys();
        installDragAndDrop();
        vm.loadErrorProperty().addListener((o, a, error) -> {
            if (error != null) {
                showError(error);
            }
        });
        theme.addListener((o, a, t) -> applyTheme());
        sceneProperty().addListener((o, a, s) -> applyTheme());
    }

    /** The session list (for focus handling and tests). */
    public SessionListView sessionList() {
        return sessionList;
    }

    public LadderView ladder() {
        return ladder;
    }

    /** The split panes whose divider positions the application remembers: list/rest, then ladder/detail. */
    public List<SplitPane> splitPanes() {
        return List.of(vertical, horizontal);
    }

    /** The tabs beside the ladder: message detail, then call flow. */
    public TabPane sideTabs() {
        return sideTabs;
    }

    /** The POP3 session panel and mail viewer, shown beside the ladder while a POP3 session is selected. */
    public Pop3View pop3View() {
        return pop3View;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** What File > Quit does (the application exits; the default closes the window). */
    public void setOnQuit(Runnable action) {
        this.onQuit = action;
    }

    /** The live-capture state of this window, made on first use (Capture > Live capture). */
    public CaptureViewModel captureViewModel() {
        if (captureVm == null) {
            captureVm = new CaptureViewModel(vm::openLive);
        }
        return captureVm;
    }

    /** Opens (or brings forward) the live-capture window. */
    public Stage showCapture() {
        if (captureStage == null) {
            captureStage = CaptureView.window(getScene().getWindow(), captureViewModel(), this::selectedFrames);
        }
        captureStage.show();
        captureStage.toFront();
        return captureStage;
    }

    /** True when no captured frames are unsaved, or the user agreed to discard them (before quitting). */
    public boolean confirmDiscardCapture() {
        return captureVm == null || CaptureView.confirmDiscard(getScene() == null ? null : getScene().getWindow(),
                captureVm);
    }

    /** Stops a capture and deletes its spool (application exit). */
    public void shutdownCapture() {
        if (captureVm != null) {
            captureVm.shutdown();
        }
        if (captureStage != null) {
            captureStage.close();
        }
    }

    private long[] selectedFrames() {
        java.util.Set<Long> frames = new java.util.TreeSet<>();
        for (SipSession s : List.copyOf(vm.sessionList().selectedSessions())) {
            for (SipMessageRef m : s.messages()) {
                if (m.origin() != null) {
                    for (long f : m.origin().frames()) {
                        frames.add(f);
                    }
                }
            }
        }
        return frames.stream().mapToLong(Long::longValue).toArray();
    }

    /** The load error dialog currently shown, or null. */
    public Alert errorDialog() {
        return errorDialog;
    }

    /** The alias dialog of a ladder column currently shown, or null. */
    public TextInputDialog aliasDialog() {
        return aliasDialog;
    }

    /** Asks for a column's alias; OK with empty text removes it. Not modal-blocking, so tests can answer it. */
    private void editAlias(LadderColumn column) {
        if (aliasDialog != null) {
            aliasDialog.close();
        }
        String key = column.key();
        TextInputDialog dialog = new TextInputDialog(vm.naming().alias(key));
        dialog.setTitle("Endpoint alias");
        dialog.setHeaderText("Alias for " + key);
        dialog.setContentText("Name (empty to remove):");
        dialog.getDialogPane().getStyleClass().add(ALIAS_DIALOG);
        style(dialog);
        dialog.setOnShown(e -> Platform.runLater(() -> {
            dialog.getEditor().requestFocus();
            dialog.getEditor().selectAll();
        }));
        dialog.setOnHidden(e -> {
            if (aliasDialog == dialog) {
                aliasDialog = null;
            }
            String answer = dialog.getResult();
            if (answer != null) {
                vm.naming().setAlias(key, answer);
            }
        });
        aliasDialog = dialog;
        dialog.show();
    }

    /** All aliases as editable "endpoint=alias" lines. */
    private void editAllAliases() {
        TextArea text = new TextArea(EndpointAliases.format(vm.naming().endpointAliases()));
        text.setPromptText("10.0.0.1:5060=UAC");
        text.setPrefSize(460, 300);
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle("Endpoint aliases");
        alert.setHeaderText("One endpoint=alias per line (ip:port, or ip when ports are merged)");
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().getStyleClass().add(ALIASES_DIALOG);
        alert.setResizable(true);
        style(alert);
        alert.setOnHidden(e -> {
            if (alert.getResult() == ButtonType.OK) {
                vm.naming().setAliases(EndpointAliases.parse(text.getText()));
            }
        });
        alert.show();
    }

    private Node messageDetail() {
        return new MessageDetailView(vm.detail());
    }

    private Node callFlow() {
        return new CallFlowView(vm.callFlow());
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("_Open\u2026");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseFile());
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        MenuItem close = new MenuItem("_Close");
        close.setAccelerator(KeyCombination.keyCombination("Shortcut+W"));
        close.setOnAction(e -> vm.close());
        close.disableProperty().bind(vm.fileProperty().isNull());
        MenuItem quit = new MenuItem("_Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> onQuit.run());
        Menu file = new Menu("_File", null, open, recentMenu, close, new SeparatorMenuItem(), quit);

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("_Light theme");
        RadioMenuItem dark = new RadioMenuItem("_Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(theme.get() == Theme.LIGHT);
        dark.setSelected(theme.get() == Theme.DARK);
        light.setOnAction(e -> theme.set(Theme.LIGHT));
        dark.setOnAction(e -> theme.set(Theme.DARK));
        theme.addListener((o, a, t) -> (t == Theme.DARK ? dark : light).setSelected(true));
        CheckMenuItem merge = new CheckMenuItem("_Merge ports of one host");
        merge.selectedProperty().bindBidirectional(vm.naming().mergePortsProperty());
        MenuItem find = new MenuItem("_Filter sessions");
        find.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        find.setOnAction(e -> sessionList.focusFilter());
        MenuItem anomalies = new MenuItem("_Anomalies\u2026");
        anomalies.setOnAction(e -> showAnomalies());
        anomalies.disableProperty().bind(vm.anomalyCountProperty().isEqualTo(0));
        MenuItem aliases = new MenuItem("_Endpoint aliases\u2026");
        aliases.setOnAction(e -> editAllAliases());
        Menu view = new Menu("_View", null, light, dark, new SeparatorMenuItem(), merge, aliases,
                new SeparatorMenuItem(), find, anomalies);

        MenuItem live = new MenuItem("_Live capture\u2026");
        live.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        live.setOnAction(e -> showCapture());
        Menu capture = new Menu("_Capture", null, live);

        MenuItem about = new MenuItem("_About Parley");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file, view, capture, help);
        bar.getMenus().add(bar.getMenus().indexOf(help), new dev.parley.view.export.ExportMenu(vm, this));
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.recentFiles()) {
            MenuItem item = new MenuItem(p.getFileName() + "  \u2014  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open capture");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures", "*.pcap", "*.pcapng", "*.cap", "*.pcap.gz",
                        "*.pcapng.gz", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path current = vm.fileProperty().get();
        if (current == null && !vm.recentFiles().isEmpty()) {
            current = vm.recentFiles().get(0);
        }
        if (current != null && current.toAbsolutePath().getParent() != null
                && Files.isDirectory(current.toAbsolutePath().getParent())) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        File chosen = chooser.showOpenDialog(window());
        if (chosen != null) {
            vm.open(chosen.toPath());
        }
    }

    private void installKeys() {
        // on KEY_TYPED, so the "/" itself is consumed and never lands in the filter field
        addEventFilter(KeyEvent.KEY_TYPED, e -> {
            boolean typing = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
            if (!typing && "/".equals(e.getCharacter())) {
                sessionList.focusFilter();
                e.consume();
            }
        });
    }

    private void installDragAndDrop() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                if (!getStyleClass().contains(DROP_TARGET)) {
                    getStyleClass().add(DROP_TARGET);
                }
            }
            e.consume();
        });
        setOnDragExited(e -> getStyleClass().remove(DROP_TARGET));
        setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                vm.open(e.getDragboard().getFiles().get(0).toPath());
                done = true;
            }
            getStyleClass().remove(DROP_TARGET);
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private void showError(LoadError error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.setTitle("Cannot open capture");
        alert.setHeaderText("Cannot open " + error.file().getFileName());
        alert.setContentText(error.file().toAbsolutePath() + "\n\n" + error.reason());
        alert.getDialogPane().getStyleClass().add(ERROR_DIALOG);
        style(alert);
        alert.setOnHidden(e -> errorDialog = null);
        errorDialog = alert;
        alert.show();
    }

    private void showAnomalies() {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.setTitle("Anomalies");
        alert.setHeaderText(String.format("%,d anomalies%s", vm.anomalyCountProperty().get(),
                vm.anomalies().size() < vm.anomalyCountProperty().get()
                        ? String.format(" (the first %,d listed)", vm.anomalies().size()) : ""));
        AnomalyListView table = new AnomalyListView(vm.anomalies());
        table.setPrefSize(900, 420);
        alert.getDialogPane().setContent(table);
        alert.getDialogPane().getStyleClass().add(ANOMALY_DIALOG);
        alert.setResizable(true);
        style(alert);
        alert.show();
    }

    private void showAbout() {
        String version = MainView.class.getPackage().getImplementationVersion();
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.setTitle("About Parley");
        alert.setHeaderText("Parley " + (version == null ? "dev" : version));
        alert.setContentText("A desktop analyzer for SIP and POP3 captures.\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version"));
        style(alert);
        alert.show();
    }

    private void style(javafx.scene.control.Dialog<?> alert) {
        Window owner = window();
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.getDialogPane().getStylesheets().setAll(theme.get().stylesheets());
        alert.getDialogPane().getStyleClass().add(theme.get().styleClass());
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void applyTheme() {
        Scene scene = getScene();
        Theme t = theme.get();
        if (scene != null) {
            scene.getStylesheets().setAll(t.stylesheets());
            Parent root = scene.getRoot();
            for (Theme other : Theme.values()) {
                root.getStyleClass().remove(other.styleClass());
            }
            root.getStyleClass().add(t.styleClass());
        }
    }
}
