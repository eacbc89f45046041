package dev.parley.view.callflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

class CallFlowViewTest extends ApplicationTest {
    private CallFlowViewModel vm;

    @Override
    public void start(Stage stage) {
        vm = new CallFlowViewModel();
        stage.setScene(new Scene(new CallFlowView(vm), 900, 700));
        stage.show();
    }

    @Test
    void showsACallWithBadgeTimingsTimelineAndMedia() {
        SipSession call = SampleSessions.load("sip-call-udp.pcap").get(0);
        interact(() -> vm.show(call, SipMessageRef::bytes));

        Label badge = lookup("." + CallFlowView.BADGE_CLASS).queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("COMPLETED");
        assertThat(badge.getStyleClass()).contains("tone-success");
        Set<String> texts = visibleLabels();
        assertThat(texts).contains("Post-dial delay", "Setup time", "Duration", "Ended by", "caller", "BYE",
                vm.postDialDelayProperty().get(), vm.setupTimeProperty().get(), vm.durationProperty().get(),
                "RINGING", "IN CALL", "SIPp parley-sample", vm.headlineProperty().get());
        TableView<?> media = lookup("." + CallFlowView.MEDIA_TABLE_CLASS).queryAs(TableView.class);
        assertThat(media.isVisible()).isTrue();
        assertThat(media.getItems()).hasSize(2);
        assertThat(lookup(".call-flow-segment").queryAll()).hasSize(4);
    }

    @Test
    void showsARegistrationWithoutCallSections() {
        SipSession reg = SampleSessions.load("sip-register-digest.pcap").get(0);
        interact(() -> vm.show(reg, SipMessageRef::bytes));
        assertThat(lookup("." + CallFlowView.BADGE_CLASS).queryAs(Label.class).getText()).isEqualTo("REGISTERED");
        Set<String> texts = visibleLabels();
        assertThat(texts).contains("Transactions", "Challenged", "Authorized", "parley.test").doesNotContain(
                "Post-dial delay");
        interact(vm::clear);
        assertThat(lookup(".call-flow-empty").queryAs(Label.class).isVisible()).isTrue();
    }

    private Set<String> visibleLabels() {
        return lookup(".label").queryAll().stream().filter(CallFlowViewTest::shown)
                .map(n -> ((Label) n).getText()).collect(Collectors.toSet());
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
