package dev.parley.view.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.sip.SipMessageRef;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

class MessageDetailViewTest extends ApplicationTest {
    private MessageDetailViewModel vm;
    private MessageDetailView view;

    @Override
    public void start(Stage stage) {
        vm = new MessageDetailViewModel();
        view = new MessageDetailView(vm);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @Test
    void showsTheInviteTreeAndHighlightsTheClickedHeaderInTheRawText() {
        SipMessageRef invite = SampleMessages.first("sip-call-udp.pcap", "INVITE");
        interact(() -> vm.show(invite, invite.bytes()));

        List<String> top = new ArrayList<>();
        for (TreeItem<DetailNode> i : view.treeView().getRoot().getChildren()) {
            top.add(i.getValue().label());
        }
        assertThat(top).containsExactly(DetailTreeBuilder.REQUEST_LINE, DetailTreeBuilder.HEADERS,
                DetailTreeBuilder.BODY);

        clickOn(cell("From"));
        assertThat(vm.selectedNodeProperty().get().label()).isEqualTo("From");
        assertThat(view.rawTextArea().getSelectedText())
                .isEqualTo("From: \"Alice\" <sip:alice@127.0.0.1:5070>;tag=" + invite.fromTag());

        // keyboard: open From, go down to its display name
        type(KeyCode.RIGHT, KeyCode.DOWN);
        assertThat(vm.selectedNodeProperty().get().label()).isEqualTo("Display name");
        assertThat(view.rawTextArea().getSelectedText()).isEqualTo("Alice");
        assertThat(lookup(".hex-highlight").queryAll()).anyMatch(n -> n instanceof javafx.scene.control.Label l
                && l.getText().equals("41 6c 69 63 65"));
    }

    @Test
    void anomaliesAreFlaggedInTheTreeAndListed() {
        byte[] b = "OPTIONS sip:x@example.com SIP/2.0\r\nnot a header\r\nCSeq: x OPTIONS\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        interact(() -> vm.show(null, b));
        assertThat(lookup(".message-detail-anomalies").query().isVisible()).isTrue();
        assertThat(lookup(".tree-cell.anomaly").queryAll()).isNotEmpty();
        assertThat(cell("CSeq").getStyleClass()).contains(MessageDetailView.ANOMALY_CLASS);
    }

    private Node cell(String label) {
        return lookup(".tree-cell").match(n -> n instanceof TreeCell<?> c && c.getItem() instanceof DetailNode d
                && d.label().equals(label)).query();
    }
}
