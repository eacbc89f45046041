package dev.parley.view.export;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * The small options dialog of one export subject: a format choice, the PNG scale and check boxes for the legend,
 * redaction and RTP, each enabled only when it applies to the chosen format. Its result is the view model's options;
 * rows of options that no format of the subject has are left out.
 */
final class ExportDialog extends Dialog<ExportOptions> {
    static final String STYLE_CLASS = "export-dialog";
    static final ButtonType EXPORT = new ButtonType("Export\u2026", ButtonBar.ButtonData.OK_DONE);

    final ChoiceBox<ExportFormat> format = new ChoiceBox<>();
    final ChoiceBox<Integer> scale = new ChoiceBox<>();
    final CheckBox legend = new CheckBox("Add a legend with the calls' timings");
    final CheckBox redact = new CheckBox("Redact users, numbers and credentials");
    final CheckBox rtp = new CheckBox("Include the RTP/RTCP streams negotiated in the SDP");

    ExportDialog(ExportDialogViewModel vm) {
        setTitle("Export");
        setHeaderText(vm.subject().title());
        getDialogPane().getStyleClass().add(STYLE_CLASS);

        format.getItems().setAll(vm.formats());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        format.setDisable(vm.formats().size() < 2);
        scale.getItems().setAll(ExportDialogViewModel.SCALES);
        scale.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : s + "x" + (s == 1 ? " (screen size)" : s == 2 ? " (HiDPI)" : " (print)");
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        scale.valueProperty().bindBidirectional(vm.scaleProperty());
        scale.disableProperty().bind(Bindings.not(vm.scaleAppliesProperty()));
        legend.selectedProperty().bindBidirectional(vm.legendProperty());
        legend.disableProperty().bind(Bindings.not(vm.legendAppliesProperty()));
        redact.selectedProperty().bindBidirectional(vm.redactProperty());
        redact.disableProperty().bind(Bindings.not(vm.redactAppliesProperty()));
        rtp.selectedProperty().bindBidirectional(vm.rtpProperty());
        rtp.disableProperty().bind(Bindings.not(vm.rtpAppliesProperty()));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(16, 20, 8, 20));
        int row = 0;
        grid.addRow(row++, new Label("Format:"), format);
        boolean anyScale = false;
        boolean anyLegend = false;
        boolean anyRedact = false;
        boolean anyRtp = false;
        for (ExportFormat f : vm.formats()) {
            anyScale |= f.hasScale();
            anyLegend |= f.hasLegend();
            anyRedact |= f.hasRedact();
            anyRtp |= f.hasRtp();
        }
        if (anyScale) {
            grid.addRow(row++, new Label("PNG scale:"), scale);
        }
        if (anyLegend) {
            grid.add(legend, 1, row++);
        }
        if (anyRedact) {
            grid.add(redact, 1, row++);
        }
        if (anyRtp) {
            grid.add(rtp, 1, row++);
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CANCEL);
        setResultConverter(b -> b == EXPORT ? vm.options() : null);
    }
}
