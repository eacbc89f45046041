package dev.parley.session.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApopCheckTest {

    @Test
    void rfc1939Example() {
        String greeting = "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>";
        assertThat(ApopCheck.digest("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf"))
                .isEqualTo("c4c9334bac560ecc979e58001b3e22fb");
        assertThat(ApopCheck.verify(greeting, "c4c9334bac560ecc979e58001b3e22fb", "tanstaaf").verdict())
                .isEqualTo(Verdict.MATCH);
        assertThat(ApopCheck.verify(greeting, "C4C9334BAC560ECC979E58001B3E22FB", "tanstaaf").matches()).isTrue();
        assertThat(ApopCheck.verify(greeting, "c4c9334bac560ecc979e58001b3e22fb", "tanstaafl").verdict())
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void bareTimestampIsAcceptedAsGreeting() {
        assertThat(ApopCheck.timestamp("+OK ready <a@b> trailing")).isEqualTo("<a@b>");
        assertThat(ApopCheck.verify("<1896.697170952@dbc.mtview.ca.us>", "c4c9334bac560ecc979e58001b3e22fb",
                "tanstaaf").matches()).isTrue();
    }

    @Test
    void oddInputIsNotCheckable() {
        String digest = "c4c9334bac560ecc979e58001b3e22fb";
        assertThat(ApopCheck.verify("+OK POP3 server ready", digest, "tanstaaf").verdict())
                .isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(ApopCheck.verify("+OK <unterminated", digest, "tanstaaf").reason()).contains("timestamp");
        assertThat(ApopCheck.verify(null, digest, "x").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(ApopCheck.verify("<a@b>", "c4c9334b", "x").reason()).contains("32 hex");
        assertThat(ApopCheck.verify("<a@b>", "zzc9334bac560ecc979e58001b3e22fb", "x").verdict())
                .isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(ApopCheck.verify("<a@b>", null, "x").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(ApopCheck.verify("<a@b>", digest, null).reason()).contains("no password");
    }

    /** johnsamples: APOP login of billcl, password pass123 (MANIFEST.md), against a real Dovecot. */
    @Test
    void corpusApopLogin() throws IOException {
        List<String> lines = AuthCaptures.lines(AuthCaptures.corpus("pop3/johnsamples_apop-sample.pcapng"));
        String greeting = AuthCaptures.first(lines, "+OK ");
        String[] apop = AuthCaptures.first(lines, "APOP ").split(" ");
        assertThat(ApopCheck.timestamp(greeting)).startsWith("<1733.1.").endsWith("@vps-ae9abc72>");
        assertThat(apop[1]).isEqualTo("billcl");
        assertThat(ApopCheck.verify(greeting, apop[2], "pass123").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(ApopCheck.verify(greeting, apop[2], "pass124").verdict()).isEqualTo(Verdict.MISMATCH);
    }

    /** Our sample: curl's APOP login of bob, password builder (samples/PROVENANCE.md). */
    @Test
    void sampleApopLogin() throws IOException {
        List<String> lines = AuthCaptures.lines(AuthCaptures.sample("pop3-apop-cram.pcap"));
        String greeting = AuthCaptures.first(lines, "+OK ");
        String[] apop = AuthCaptures.first(lines, "APOP ").split(" ");
        assertThat(apop[1]).isEqualTo("bob");
        assertThat(ApopCheck.verify(greeting, apop[2], "builder").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(ApopCheck.verify(greeting, apop[2], "Builder").verdict()).isEqualTo(Verdict.MISMATCH);
    }
}
