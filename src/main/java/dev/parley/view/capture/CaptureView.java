package dev.parley.view.capture;

import dev.parley.capture.live.LiveInterface;
import dev.parley.capture.live.SaveFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The live-capture window: interfaces (several may be chosen), capture filter, snaplen, promiscuous mode and ring
 * limits with validation as typed; Start, Stop, Restart, Save; live counters. Sessions appear in the main window's
 * list while capturing.
 */
public final class CaptureView extends BorderPane {
    public static final String STYLE_CLASS = "capture-view";
    public static final String PROBLEM = "capture-problem";
    public static final String ADVICE = "capture-advice";
    public static final String COUNTERS = "capture-counters";

    private final CaptureViewModel vm;
    private final Supplier<long[]> selectedFrames;
    private final ListView<LiveInterface> list = new ListView<>();
    private final Timeline refresher;
    final Button start = new Button("_Start");
    final Button stop = new Button("S_top");
    final Button restart = new Button("_Restart");
    final Button save = new Button("Sa_ve\u2026");
    final Button saveSelected = new Button("Save se_lected sessions\u2026");

    /** @param selectedFrames frame numbers of the sessions selected in the main window */
    public CaptureView(CaptureViewModel vm, Supplier<long[]> selectedFrames) {
        this.vm = vm;
        this.selectedFrames = selectedFrames;
        getStyleClass().add(STYLE_CLASS);
        setPadding(new Insets(10));

        Label advice = new Label();
        advice.getStyleClass().add(ADVICE);
        advice.setWrapText(true);
        advice.setStyle("-fx-text-fill: #a04000;");
        advice.textProperty().bind(vm.privilegeAdviceProperty());
        advice.visibleProperty().bind(vm.privilegeAdviceProperty().isNotEmpty());
        advice.managedProperty().bind(advice.visibleProperty());

        list.setItems(vm.interfaces());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefHeight(140);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LiveInterface item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        list.getSelectionModel().getSelectedItems().addListener((ListChangeListener<LiveInterface>) c ->
                vm.chosenInterfaces().setAll(list.getSelectionModel().getSelectedItems().stream()
                        .map(LiveInterface::name).toList()));
        list.disableProperty().bind(vm.runningProperty());

        TextField filter = new TextField();
        filter.setPromptText("BPF capture filter, e.g. udp port 5060 or tcp port 110");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        TextField snaplen = new TextField();
        snaplen.setPrefColumnCount(7);
        snaplen.textProperty().bindBidirectional(vm.snaplenProperty());
        CheckBox promiscuous = new CheckBox("Promiscuous mode");
        promiscuous.selectedProperty().bindBidirectional(vm.promiscuousProperty());
        TextField ringMb = new TextField();
        ringMb.setPromptText("unlimited");
        ringMb.setPrefColumnCount(6);
        ringMb.textProperty().bindBidirectional(vm.ringMegabytesProperty());
        TextField ringSec = new TextField();
        ringSec.setPromptText("unlimited");
        ringSec.setPrefColumnCount(6);
        ringSec.textProperty().bindBidirectional(vm.ringSecondsProperty());
        for (TextField f : new TextField[] {filter, snaplen, ringMb, ringSec}) {
            f.disableProperty().bind(vm.runningProperty());
        }
        promiscuous.disableProperty().bind(vm.runningProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Interfaces"), list);
        form.addRow(1, new Label("Capture filter"), filter);
        form.addRow(2, new Label("Snapshot length"), new HBox(12, snaplen, new Label("bytes"), promiscuous));
        form.addRow(3, new Label("Ring buffer"), new HBox(8, ringMb, new Label("MB and/or"), ringSec,
                new Label("seconds of spool (oldest files dropped)")));
        GridPane.setHgrow(list, Priority.ALWAYS);
        GridPane.setHgrow(filter, Priority.ALWAYS);

        Label problem = new Label();
        problem.getStyleClass().add(PROBLEM);
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(javafx.beans.binding.Bindings.when(vm.messageProperty().isEmpty())
                .then(vm.problemProperty()).otherwise(vm.messageProperty()));

        Label counters = new Label();
        counters.getStyleClass().add(COUNTERS);
        counters.setStyle("-fx-font-family: monospace; -fx-font-size: 13px;");
        counters.textProperty().bind(vm.countersProperty());

        start.setDefaultButton(true);
        start.disableProperty().bind(vm.runningProperty().or(vm.problemProperty().isNotEmpty()));
        stop.disableProperty().bind(vm.runningProperty().not());
        restart.disableProperty().bind(vm.runningProperty().not());
        save.disableProperty().bind(vm.statsProperty().isNull());
        saveSelected.disableProperty().bind(vm.statsProperty().isNull());
        start.setOnAction(e -> {
            if (confirmDiscard(getScene().getWindow(), vm)) {
                vm.start();
            }
        });
        stop.setOnAction(e -> vm.stop());
        restart.setOnAction(e -> {
            if (confirmDiscard(getScene().getWindow(), vm)) {
                vm.restart();
            }
        });
        save.setOnAction(e -> save(null));
        saveSelected.setOnAction(e -> save(CaptureViewModel.framesOf(this.selectedFrames)));
        HBox buttons = new HBox(8, start, stop, restart, save, saveSelected);

        VBox top = new VBox(8, advice, form);
        setTop(top);
        VBox bottom = new VBox(8, problem, buttons, counters);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        setCenter(bottom);

        refresher = new Timeline(new KeyFrame(Duration.millis(500), e -> vm.refresh()));
        refresher.setCycleCount(Timeline.INDEFINITE);
        refresher.play();
        vm.reloadInterfaces();
        selectLoopbackOrFirst();
    }

    private void selectLoopbackOrFirst() {
        for (int i = 0; i < vm.interfaces().size(); i++) {
            if (vm.interfaces().get(i).loopback()) {
                list.getSelectionModel().select(i);
                return;
            }
        }
        if (!vm.interfaces().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    /** Chooses interfaces by name (tests, the command line). */
    public void choose(String... names) {
        list.getSelectionModel().clearSelection();
        for (String n : names) {
            for (int i = 0; i < vm.interfaces().size(); i++) {
                if (vm.interfaces().get(i).name().equals(n)) {
                    list.getSelectionModel().select(i);
                }
            }
        }
    }

    private void save(LongPredicate frames) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(frames == null ? "Save capture" : "Save selected sessions");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("pcapng", "*.pcapng"),
                new FileChooser.ExtensionFilter("pcap", "*.pcap"));
        chooser.setInitialFileName("capture.pcapng");
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        Path target = f.toPath();
        SaveFormat format = SaveFormat.forFile(target.getFileName().toString());
        if (chooser.getSelectedExtensionFilter() != null
                && chooser.getSelectedExtensionFilter().getDescription().equals("pcap")) {
            format = SaveFormat.PCAP;
        }
        try {
            vm.save(target, format, frames);
        } catch (IOException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, "Cannot save " + target + ": " + e.getMessage());
            a.initOwner(getScene().getWindow());
            a.showAndWait();
        }
    }

    /** True when there is nothing unsaved, or the user agrees to discard it. */
    public static boolean confirmDiscard(Window owner, CaptureViewModel vm) {
        vm.refresh();
        if (!vm.unsavedProperty().get()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "The frames captured so far are not saved. Discard them?", ButtonType.CANCEL, ButtonType.OK);
        a.setHeaderText("Unsaved capture");
        if (owner != null) {
            a.initOwner(owner);
        }
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** Opens the window (one per main window; the caller keeps it). */
    public static Stage window(Window owner, CaptureViewModel vm, Supplier<long[]> selectedFrames) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Live capture \u2014 Parley");
        stage.setScene(new Scene(new CaptureView(vm, selectedFrames), 760, 520));
        return stage;
    }
}
