package dev.parley.view.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.sip.SipMessageRef;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** The "Check password" row of the message detail, driven by mouse and keyboard. */
class MessageDetailPasswordCheckViewTest extends ApplicationTest {
    private static final String SAMPLE = "sip-register-digest.pcap";
    private MessageDetailViewModel vm;
    private MessageDetailView view;

    @Override
    public void start(Stage stage) {
        vm = new MessageDetailViewModel();
        view = new MessageDetailView(vm);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    private javafx.scene.Node row() {
        return lookup("." + MessageDetailView.CHECK_ROW_CLASS).query();
    }

    @Test
    void typingThePasswordAndClickingCheckShowsMatchThenMismatch() {
        SipMessageRef register = SampleMessages.nth(SAMPLE, "REGISTER", 1);
        interact(() -> vm.show(register, register.bytes()));
        assertThat(row().isVisible()).isTrue();
        assertThat(view.checkButton().getParent()).isSameAs(row());

        clickOn(view.checkField()).write("secret");
        clickOn(view.checkButton());
        Label result = view.checkResultLabel();
        assertThat(result.getText()).isEqualTo("MATCH: user alice, realm parley.test, MD5, qop auth");
        assertThat(result.getStyleClass()).contains("verdict-match");

        interact(() -> view.checkField().clear());
        clickOn(view.checkField()).write("wrong");
        type(javafx.scene.input.KeyCode.ENTER); // Enter in the field checks too
        assertThat(result.getText()).startsWith("MISMATCH: user alice");
        assertThat(result.getStyleClass()).contains("verdict-mismatch").doesNotContain("verdict-match");

        // the typed password is shown nowhere: no Text node of the scene holds it in clear
        assertThat(lookup(n -> n instanceof Text t && t.getText() != null && t.getText().contains("wrong"))
                .queryAll()).isEmpty();
    }

    @Test
    void theRowIsHiddenForAMessageWithoutCredentialsAndTheFieldIsClearedOnChange() {
        SipMessageRef withAuth = SampleMessages.nth(SAMPLE, "REGISTER", 1);
        SipMessageRef plain = SampleMessages.first(SAMPLE, "REGISTER");
        interact(() -> vm.show(withAuth, withAuth.bytes()));
        clickOn(view.checkField()).write("secret");

        interact(() -> vm.show(plain, plain.bytes()));
        assertThat(row().isVisible()).isFalse();
        assertThat(row().isManaged()).isFalse();
        assertThat(view.checkField().getText()).isEmpty();

        interact(() -> vm.show(withAuth, withAuth.bytes()));
        assertThat(row().isVisible()).isTrue();
        assertThat(view.checkField().getText()).isEmpty();
        assertThat(view.checkResultLabel().getText()).isEmpty();
    }
}
