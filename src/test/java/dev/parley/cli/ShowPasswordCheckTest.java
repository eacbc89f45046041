package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code show --call ID --password P} on the SIPp REGISTER sample (user alice, password secret). */
class ShowPasswordCheckTest {
    private static final String CALL = "1-17220@127.0.0.1";

    private static String sample() {
        Path p = Path.of("samples", "sip-register-digest.pcap");
        Assumptions.assumeTrue(Files.isRegularFile(p), "sample capture " + p + " not found");
        return p.toString();
    }

    @Test
    void theRightPasswordMatchesUnderTheRegisterWithCredentialsOnly() {
        CliRun r = CliRun.run("show", sample(), "--call", CALL, "--password", "secret");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("password MATCH: user alice, realm parley.test, MD5, qop auth (Authorization)");
        // one verdict: the first REGISTER carries no credentials, responses are not checked
        assertThat(r.out().split("password ", -1)).hasSize(2);
        // the verdict sits right under the REGISTER that carries the credentials (CSeq 2)
        String[] lines = r.out().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("password MATCH")) {
                assertThat(lines[i - 1]).contains("REGISTER").endsWith("2 REGISTER");
            }
        }
        assertThat(r.out()).doesNotContain("secret");
        assertThat(r.err()).doesNotContain("secret");
    }

    @Test
    void aWrongPasswordIsAMismatchAndIsNotPrinted() {
        CliRun r = CliRun.run("show", sample(), "--call", CALL, "--check-password", "hunter2x");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("password MISMATCH: user alice, realm parley.test, MD5, qop auth (Authorization)")
                .doesNotContain("password MATCH", "hunter2x");
        assertThat(r.err()).doesNotContain("hunter2x");
    }

    @Test
    void withoutTheOptionTheOutputIsUnchanged() {
        CliRun plain = CliRun.run("show", sample(), "--call", CALL);
        CliRun checked = CliRun.run("show", sample(), "--call", CALL, "--password", "secret");
        assertThat(plain.exit()).isZero();
        assertThat(plain.out()).doesNotContain("password");
        String withoutVerdicts = checked.out().replaceAll("(?m)^ +password .*\\R", "");
        assertThat(withoutVerdicts).isEqualTo(plain.out());
    }
}
