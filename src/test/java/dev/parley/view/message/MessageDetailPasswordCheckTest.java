package dev.parley.view.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.auth.Verdict;
import dev.parley.session.sip.SipMessageRef;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SIP digest password check of the message detail, on the SIPp REGISTER sample (user alice, password secret). */
class MessageDetailPasswordCheckTest {
    private static final String SAMPLE = "sip-register-digest.pcap";
    private static final String PASSWORD = "secret"; // samples/PROVENANCE.md: sipp -au alice -ap secret

    @Test
    void theRightPasswordMatchesTheAuthorizationDigest() {
        SipMessageRef register = SampleMessages.nth(SAMPLE, "REGISTER", 1);
        MessageDetailViewModel vm = new MessageDetailViewModel();
        vm.show(register, register.bytes());

        assertThat(vm.passwordCheckableProperty().get()).isTrue();
        assertThat(vm.checkHowProperty().get())
                .isEqualTo("Authorization digest: user alice, realm parley.test, MD5, qop auth");
        assertThat(vm.checkTextProperty().get()).isEmpty();
        assertThat(vm.checkPassword(PASSWORD).verdict()).isEqualTo(Verdict.MATCH);
        assertThat(vm.checkResultProperty().get().verdict()).isEqualTo(Verdict.MATCH);
        assertThat(vm.checkTextProperty().get()).isEqualTo("MATCH: user alice, realm parley.test, MD5, qop auth");
    }

    @Test
    void aWrongPasswordIsAMismatchAndNoPasswordIsNotCheckable() {
        SipMessageRef register = SampleMessages.nth(SAMPLE, "REGISTER", 1);
        MessageDetailViewModel vm = new MessageDetailViewModel();
        vm.show(register, register.bytes());

        assertThat(vm.checkPassword("Secret").verdict()).isEqualTo(Verdict.MISMATCH);
        assertThat(vm.checkTextProperty().get()).isEqualTo("MISMATCH: user alice, realm parley.test, MD5, qop auth")
                .doesNotContain("Secret");
        assertThat(vm.checkPassword("").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(vm.checkTextProperty().get()).isEqualTo("NOT CHECKABLE: no password given");
    }

    @Test
    void messagesWithoutCredentialsOfferNoCheckAndShowingAnotherMessageResetsTheVerdict() {
        SipMessageRef first = SampleMessages.first(SAMPLE, "REGISTER");
        SipMessageRef second = SampleMessages.nth(SAMPLE, "REGISTER", 1);
        MessageDetailViewModel vm = new MessageDetailViewModel();
        vm.show(second, second.bytes());
        vm.checkPassword(PASSWORD);

        vm.show(first, first.bytes());
        assertThat(vm.passwordCheckableProperty().get()).isFalse();
        assertThat(vm.checkHowProperty().get()).isEmpty();
        assertThat(vm.checkResultProperty().get()).isNull();
        assertThat(vm.checkTextProperty().get()).isEmpty();
        assertThat(vm.checkPassword(PASSWORD).verdict()).isEqualTo(Verdict.NOT_CHECKABLE);

        // the 401 challenge is a response: nothing to check
        SipMessageRef challenge = SampleMessages.load(SAMPLE).stream().filter(m -> m.statusCode() == 401)
                .findFirst().orElseThrow();
        vm.show(challenge, challenge.bytes());
        assertThat(vm.passwordCheckableProperty().get()).isFalse();

        // nor without bytes, nor after clear
        vm.show(second, null);
        assertThat(vm.passwordCheckableProperty().get()).isFalse();
        vm.show(second, second.bytes());
        assertThat(vm.passwordCheckableProperty().get()).isTrue();
        vm.clear();
        assertThat(vm.passwordCheckableProperty().get()).isFalse();
    }

    @Test
    void proxyAuthorizationIsCheckedToo() {
        // the header name is not part of the digest: the same credentials under Proxy-Authorization still match
        SipMessageRef register = SampleMessages.nth(SAMPLE, "REGISTER", 1);
        String text = new String(register.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("\r\nAuthorization: Digest ");
        byte[] proxied = text.replace("\r\nAuthorization: ", "\r\nProxy-Authorization: ")
                .getBytes(StandardCharsets.ISO_8859_1);
        MessageDetailViewModel vm = new MessageDetailViewModel();
        vm.show(null, proxied);
        assertThat(vm.checkHowProperty().get()).startsWith("Proxy-Authorization digest: user alice,");
        assertThat(vm.checkPassword(PASSWORD).verdict()).isEqualTo(Verdict.MATCH);
        assertThat(vm.checkPassword("nope").verdict()).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void basicCredentialsOfferNoDigestCheck() {
        byte[] b = ("REGISTER sip:example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\r\n"
                + "From: <sip:a@example.com>;tag=1\r\nTo: <sip:a@example.com>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\n"
                + "Authorization: Basic YWxpY2U6c2VjcmV0\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        MessageDetailViewModel vm = new MessageDetailViewModel();
        vm.show(null, b);
        assertThat(vm.treeProperty().get()).isNotNull();
        assertThat(vm.passwordCheckableProperty().get()).isFalse();
    }
}
