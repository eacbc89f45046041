package dev.parley.session.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void maskNeverTellsTheLength() {
        assertThat(Secrets.mask("a")).isEqualTo(Secrets.MASK);
        assertThat(Secrets.mask("a much longer pass phrase than six")).isEqualTo(Secrets.MASK);
        assertThat(Secrets.MASK).doesNotContain("a").hasSize(6);
        assertThat(Secrets.mask(null)).isEmpty();
        assertThat(Secrets.mask("")).isEmpty();
    }

    @Test
    void showRevealsOnlyOnRequest() {
        assertThat(Secrets.show("Wonderland-42", false)).isEqualTo(Secrets.MASK);
        assertThat(Secrets.show("Wonderland-42", true)).isEqualTo("Wonderland-42");
        assertThat(Secrets.show(null, true)).isEmpty();
    }

    @Test
    void redactMasksEveryOccurrenceLongestFirst() {
        assertThat(Secrets.redact("PASS Wonderland-42", List.of("Wonderland-42"))).isEqualTo("PASS " + Secrets.MASK);
        assertThat(Secrets.redact("user alice pass alice123 again alice123", List.of("alice", "alice123")))
                .isEqualTo("user " + Secrets.MASK + " pass " + Secrets.MASK + " again " + Secrets.MASK);
        assertThat(Secrets.redact("nothing here", List.of("", "secret"))).isEqualTo("nothing here");
        assertThat(Secrets.redact(null, List.of("x"))).isNull();
        assertThat(Secrets.redact("text", null)).isEqualTo("text");
    }
}
