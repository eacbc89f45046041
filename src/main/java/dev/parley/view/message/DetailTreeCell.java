package dev.parley.view.message;

import javafx.scene.control.TreeCell;

/** A tree row: "label: value", with the warning style for anomaly nodes. */
final class DetailTreeCell extends TreeCell<DetailNode> {

    @Override
    protected void updateItem(DetailNode node, boolean empty) {
        super.updateItem(node, empty);
        getStyleClass().remove(MessageDetailView.ANOMALY_CLASS);
        if (empty || node == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        String text = node.text();
        setText(text.length() > 300 ? text.substring(0, 300) + "\u2026" : text);
        if (node.anomaly()) {
            getStyleClass().add(MessageDetailView.ANOMALY_CLASS);
        }
    }
}
