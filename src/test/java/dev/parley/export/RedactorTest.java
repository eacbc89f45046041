package dev.parley.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String REGISTER = String.join("\r\n",
            "INVITE sip:2125551212@example.com;user=phone SIP/2.0",
            "From: \"Alice Liddell\" <sip:alice:secret@example.com>;tag=1",
            "To: Bob <sip:bob@example.com>",
            "Contact: <sip:alice@10.0.0.1:5060>",
            "P-Asserted-Identity: <tel:+1-212-555-1212>",
            "Proxy-Authorization: Digest username=\"alice\", realm=\"example.com\", nonce=\"abc123\", "
                    + "uri=\"sip:bob@example.com\", response=\"0123456789abcdef\", cnonce=\"xyz\", qop=auth",
            "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"n0nce\"",
            "X-Note: password=hunter2",
            "",
            "v=0",
            "o=alice 1 1 IN IP4 10.0.0.1",
            "");

    @Test
    void usersNumbersAndCredentialsAreReplacedConsistently() {
        Redactor r = Redactor.create();
        String out = r.message(REGISTER);

        assertThat(out).doesNotContain("alice", "Alice", "Liddell", "bob", "Bob", "2125551212", "212-555-1212",
                "secret", "abc123", "0123456789abcdef", "xyz", "n0nce", "hunter2");
        assertThat(out).contains("INVITE sip:tel-1@example.com;user=phone SIP/2.0",
                "From: \"name-1\" <sip:user-1:redacted@example.com>;tag=1",
                "To: \"name-2\" <sip:user-2@example.com>",
                "Contact: <sip:user-1@10.0.0.1:5060>",
                "P-Asserted-Identity: <tel:tel-2>",
                "username=\"user-1\"", "response=\"redacted\"", "nonce=\"redacted\"", "cnonce=\"redacted\"",
                "realm=\"example.com\"", "qop=auth", "X-Note: password=redacted", "o=user-1 1 1 IN IP4 10.0.0.1");
        assertThat(r.user("alice")).isEqualTo("user-1");
        assertThat(r.user("2125551212")).isEqualTo("tel-1");
        assertThat(Redactor.create().user("bob")).as("a new export starts again").isEqualTo("user-1");
    }

    @Test
    void noneChangesNothing() {
        assertThat(Redactor.NONE.message(REGISTER)).isEqualTo(REGISTER);
        assertThat(Redactor.NONE.user("alice")).isEqualTo("alice");
        assertThat(Redactor.NONE.active()).isFalse();
    }
}
