package dev.parley.view;

import dev.parley.decode.Anomaly;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The capture's anomalies as a table: frame, severity, code, message (shown from the status bar). */
final class AnomalyListView extends TableView<Anomaly> {
    static final String STYLE_CLASS = "anomaly-table";

    AnomalyListView(ObservableList<Anomaly> anomalies) {
        super(anomalies);
        getStyleClass().add(STYLE_CLASS);
        setFixedCellSize(24);
        TableColumn<Anomaly, Long> frame = new TableColumn<>("Frame");
        frame.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().frame()));
        frame.setPrefWidth(80);
        TableColumn<Anomaly, String> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity().name()));
        severity.setPrefWidth(80);
        TableColumn<Anomaly, String> code = new TableColumn<>("Code");
        code.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().code()));
        code.setPrefWidth(220);
        TableColumn<Anomaly, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().message()));
        message.setPrefWidth(480);
        getColumns().setAll(java.util.List.of(frame, severity, code, message));
    }
}
