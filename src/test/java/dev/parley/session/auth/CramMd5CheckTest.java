package dev.parley.session.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CramMd5CheckTest {
    private static final String RFC_CHALLENGE = b64("<1896.697170952@postoffice.reston.mci.net>");
    private static final String RFC_RESPONSE = b64("tim b913a602c7eda7a495b4e6e7334d3890");

    @Test
    void rfc2195Example() {
        // RFC 2195 section 2 prints both base64 lines too: check our encoding agrees with it.
        assertThat(RFC_CHALLENGE).isEqualTo("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+");
        assertThat(RFC_RESPONSE).isEqualTo("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw");
        assertThat(CramMd5Check.verify(RFC_CHALLENGE, RFC_RESPONSE, "tanstaaftanstaaf").verdict())
                .isEqualTo(Verdict.MATCH);
        assertThat(CramMd5Check.verify("+ " + RFC_CHALLENGE, RFC_RESPONSE, "tanstaaftanstaaf").matches()).isTrue();
        assertThat(CramMd5Check.verify(RFC_CHALLENGE, RFC_RESPONSE, "tanstaaf").verdict())
                .isEqualTo(Verdict.MISMATCH);
        assertThat(CramMd5Check.user(RFC_RESPONSE)).isEqualTo("tim");
    }

    @Test
    void oddInputIsNotCheckable() {
        assertThat(CramMd5Check.verify("not base64!", RFC_RESPONSE, "x").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(CramMd5Check.verify("+ ", RFC_RESPONSE, "x").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(CramMd5Check.verify(RFC_CHALLENGE, "*", "x").reason()).contains("cancelled");
        assertThat(CramMd5Check.verify(RFC_CHALLENGE, "%%%", "x").reason()).contains("not base64");
        assertThat(CramMd5Check.verify(RFC_CHALLENGE, "QUJD", "x").reason()).contains("user hexdigest");
        assertThat(CramMd5Check.verify(RFC_CHALLENGE, b64("tim b913"), "x").verdict())
                .isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(CramMd5Check.verify(RFC_CHALLENGE, "QUJ", "x").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(CramMd5Check.verify(null, null, null).verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(CramMd5Check.user("%%%")).isNull();
    }

    @Test
    void emptyPasswordIsAKeyLikeAnyOther() {
        String challenge = b64("<1.2@host>");
        String response = b64("u " + CramMd5Check.digest("<1.2@host>".getBytes(StandardCharsets.US_ASCII), ""));
        assertThat(CramMd5Check.verify(challenge, response, "").matches()).isTrue();
        assertThat(CramMd5Check.verify(challenge, response, "a").matches()).isFalse();
    }

    /** Our sample: curl's AUTH CRAM-MD5 login of bob, password builder (samples/PROVENANCE.md). */
    @Test
    void sampleCramMd5Login() throws IOException {
        List<String> lines = AuthCaptures.lines(AuthCaptures.sample("pop3-apop-cram.pcap"));
        int auth = AuthCaptures.indexOf(lines, 0, "AUTH CRAM-MD5");
        int challenge = AuthCaptures.indexOf(lines, auth + 1, "+ ");
        String response = lines.get(challenge + 1);
        assertThat(CramMd5Check.user(response)).isEqualTo("bob");
        assertThat(CramMd5Check.verify(lines.get(challenge), response, "builder").verdict())
                .isEqualTo(Verdict.MATCH);
        assertThat(CramMd5Check.verify(lines.get(challenge), response, "wonderland").verdict())
                .isEqualTo(Verdict.MISMATCH);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }
}
