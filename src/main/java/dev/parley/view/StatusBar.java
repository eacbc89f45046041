package dev.parley.view;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bottom line of the window: file, frame, session, SIP message and anomaly counts, the status text and, while
 * loading, a progress bar with a Cancel button.
 */
final class StatusBar extends HBox {
    static final String STYLE_CLASS = "status-bar";
    static final String ITEM = "status-item";
    static final String ANOMALIES = "status-anomalies";

    final Hyperlink anomalies = new Hyperlink();
    final ProgressBar progress = new ProgressBar();
    final Button cancel = new Button("Cancel");

    StatusBar(MainViewModel vm, Runnable showAnomalies) {
        getStyleClass().add(STYLE_CLASS);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        Label file = item();
        file.textProperty().bind(Bindings.createStringBinding(
                () -> vm.fileProperty().get() == null ? "No capture" : vm.fileProperty().get().getFileName().toString(),
                vm.fileProperty()));
        file.getStyleClass().add("status-file");
        Label frames = item();
        frames.textProperty().bind(count(vm.framesProperty(), "frame", "frames"));
        Label sessions = item();
        sessions.textProperty().bind(count(vm.sessionCountProperty(), "session", "sessions"));
        Label messages = item();
        messages.textProperty().bind(count(vm.sipMessagesProperty(), "SIP message", "SIP messages"));
        anomalies.getStyleClass().addAll(ITEM, ANOMALIES);
        anomalies.textProperty().bind(count(vm.anomalyCountProperty(), "anomaly", "anomalies"));
        anomalies.disableProperty().bind(vm.anomalyCountProperty().isEqualTo(0));
        anomalies.setOnAction(e -> {
            anomalies.setVisited(false);
            showAnomalies.run();
        });
        anomalies.setFocusTraversable(false);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label status = item();
        status.textProperty().bind(vm.statusProperty());

        progress.setPrefWidth(180);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.loadingProperty());
        progress.managedProperty().bind(vm.loadingProperty());
        cancel.getStyleClass().add("status-cancel");
        cancel.visibleProperty().bind(vm.loadingProperty());
        cancel.managedProperty().bind(vm.loadingProperty());
        cancel.setOnAction(e -> vm.cancel());
        cancel.setFocusTraversable(false);

        getChildren().addAll(file, separator(), frames, separator(), sessions, separator(), messages, separator(),
                anomalies, spacer, status, progress, cancel);
    }

    private static Label item() {
        Label l = new Label();
        l.getStyleClass().add(ITEM);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    /** "1 session", "2 sessions": a count with its noun in the right number. */
    private static javafx.beans.binding.StringBinding count(javafx.beans.value.ObservableNumberValue n, String one,
                                                            String many) {
        return Bindings.createStringBinding(() -> String.format("%,d %s", n.longValue(), n.longValue() == 1 ? one : many),
                n);
    }
}
