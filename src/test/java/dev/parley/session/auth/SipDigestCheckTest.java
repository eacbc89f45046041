package dev.parley.session.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Bytes;
import dev.parley.decode.Limits;
import dev.parley.decode.sip.DigestCredentials;
import dev.parley.decode.sip.SipParser;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipDigestCheckTest {
    /** RFC 2617 section 3.5 (HTTP, but the computation is the one RFC 3261 uses). */
    private static final String RFC2617 = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
            + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, nc=00000001, "
            + "cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", "
            + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    @Test
    void rfc2617QopAuth() {
        assertThat(SipDigestCheck.verify(RFC2617, "GET", null, "Circle Of Life").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(SipDigestCheck.verify(RFC2617, "GET", null, "Circle of Life").verdict())
                .isEqualTo(Verdict.MISMATCH);
        assertThat(SipDigestCheck.verify(RFC2617, "POST", null, "Circle Of Life").verdict())
                .isEqualTo(Verdict.MISMATCH);
    }

    /** RFC 2069 section 2.4: no qop, response = MD5(HA1:nonce:HA2). */
    @Test
    void rfc2069WithoutQop() {
        String v = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                + "response=\"1949323746fe6a43ef61f9606e7febea\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        assertThat(SipDigestCheck.verify(v, "GET", null, "CircleOfLife").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(SipDigestCheck.verify(v, "GET", null, "Circle Of Life").verdict()).isEqualTo(Verdict.MISMATCH);
    }

    /** RFC 7616 section 3.9.1: the same request answered with MD5 and with SHA-256. */
    @Test
    void rfc7616Md5AndSha256() {
        String common = "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", "
                + "qop=auth, nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", "
                + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", ";
        String md5 = common + "algorithm=MD5, response=\"8ca523f5e9506fed4657c9700eebdbec\"";
        String sha = common + "algorithm=SHA-256, "
                + "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"";
        assertThat(SipDigestCheck.verify(md5, "GET", null, "Circle of Life").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(SipDigestCheck.verify(sha, "GET", null, "Circle of Life").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(SipDigestCheck.verify(sha, "GET", null, "Circle Of Life").verdict()).isEqualTo(Verdict.MISMATCH);
    }

    /** Values computed independently with Python's hashlib from the RFC 2617 inputs (no RFC prints these). */
    @Test
    void md5SessAndAuthInt() {
        String base = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", nc=00000001, "
                + "cnonce=\"0a4f113b\", ";
        String sess = base + "qop=auth, algorithm=MD5-sess, response=\"8e3825c57e897f5a0dec6c2d4e5059d0\"";
        assertThat(SipDigestCheck.verify(sess, "GET", null, "Circle Of Life").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(SipDigestCheck.verify(sess, "GET", null, "circle of life").verdict())
                .isEqualTo(Verdict.MISMATCH);

        byte[] body = "hello body\r\n".getBytes(StandardCharsets.US_ASCII);
        String authInt = base + "qop=auth-int, response=\"479b80503f46218697c56b0ae39ebeab\"";
        assertThat(SipDigestCheck.verify(authInt, "POST", body, "Circle Of Life").verdict())
                .isEqualTo(Verdict.MATCH);
        assertThat(SipDigestCheck.verify(authInt, "POST", new byte[0], "Circle Of Life").verdict())
                .isEqualTo(Verdict.MISMATCH);
        String authIntEmpty = base + "qop=auth-int, response=\"4bb0e26e65bdae3e89570d68fd7a073b\"";
        assertThat(SipDigestCheck.verify(authIntEmpty, "POST", null, "Circle Of Life").verdict())
                .isEqualTo(Verdict.MATCH);
    }

    @Test
    void oddInputIsNotCheckable() {
        String ok = RFC2617;
        assertThat(reason(ok.replace("nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", ", ""), "GET"))
                .isEqualTo("missing nonce");
        assertThat(reason(ok.replace("uri=\"/dir/index.html\", ", ""), "GET")).isEqualTo("missing uri");
        assertThat(reason(ok.replace("cnonce=\"0a4f113b\", ", ""), "GET")).contains("without nc and cnonce");
        assertThat(reason(ok.replace("qop=auth,", "qop=auth-conf,"), "GET")).contains("unsupported qop");
        assertThat(reason(ok + ", algorithm=SHA-1", "GET")).isEqualTo("unsupported algorithm SHA-1");
        assertThat(reason(ok + ", algorithm=MD5-sess", "GET")).isEmpty(); // checkable: a mismatch
        assertThat(reason(ok + ", userhash=true", "GET")).contains("userhash");
        assertThat(reason(ok.replace("Digest ", "Basic "), "GET")).contains("not Digest");
        assertThat(reason(ok.replace("6629fae4", "6629"), "GET")).contains("not a MD5 hex digest");
        assertThat(reason(ok, null)).isEqualTo("missing method");
        assertThat(reason("Digest", "GET")).isEqualTo("missing username");
        assertThat(reason("", "GET")).contains("not Digest");
        assertThat(reason("Digest username*=UTF-8''J%C3%A4s, realm=r", "GET")).contains("username*");
        assertThat(SipDigestCheck.verify((String) null, "GET", null, "x").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(SipDigestCheck.verify((DigestCredentials) null, "GET", null, "x").verdict())
                .isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(SipDigestCheck.verify(RFC2617, "GET", null, null).reason()).contains("no password");
        assertThat(SipDigestCheck.verifyRequest("garbage".getBytes(StandardCharsets.US_ASCII), "x").verdict())
                .isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(SipDigestCheck.verifyRequest(null, "x").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
    }

    /**
     * samples/sip-register-digest.pcap: SIPp registered as alice with password secret (-au alice -ap secret,
     * samples/PROVENANCE.md) and the SIPp UAS accepted it with verifyauth.
     */
    @Test
    void sampleRegisterAuthorization() throws IOException {
        CaptureModel model = new CaptureLoader(Limits.DEFAULT, true)
                .load(AuthCaptures.sample("sip-register-digest.pcap"));
        byte[] register = null;
        int registers = 0;
        for (SipSession s : model.sip().sessions()) {
            for (SipMessageRef r : s.messages()) {
                if (r.request() && r.method().equals("REGISTER")) {
                    registers++;
                    if (!SipParser.parse(Bytes.of(r.bytes())).authorizations().isEmpty()) {
                        register = r.bytes();
                    }
                }
            }
        }
        assertThat(registers).isEqualTo(2);
        assertThat(register).as("the second REGISTER carries Authorization").isNotNull();
        assertThat(SipDigestCheck.verifyRequest(register, "secret").verdict()).isEqualTo(Verdict.MATCH);
        assertThat(SipDigestCheck.verifyRequest(register, "Secret").verdict()).isEqualTo(Verdict.MISMATCH);

        DigestCredentials c = SipParser.parse(Bytes.of(register)).authorizations().get(0);
        assertThat(c.username()).isEqualTo("alice");
        assertThat(c.parameter("qop")).isEqualTo("auth");
        assertThat(SipDigestCheck.verify(c, "REGISTER", null, "secret").matches()).isTrue();
        assertThat(SipDigestCheck.verify(c, "INVITE", null, "secret").verdict()).isEqualTo(Verdict.MISMATCH);
    }

    private static String reason(String header, String method) {
        return SipDigestCheck.verify(header, method, null, "Circle Of Life").reason();
    }
}
