package dev.parley.decode.sip;

import static dev.parley.decode.sip.SipSamples.bytes;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SipScannerTest {

    private static SipSummary scan(String text) {
        return SipScanner.scan(bytes(text), 7);
    }

    private static SipSummary scanRaw(String raw) {
        return SipScanner.scan(Bytes.ascii(raw), 7);
    }

    @Test
    void rfc3261InviteF1() {
        SipSummary s = scan(SipSamples.INVITE_F1);
        assertThat(s.request()).isTrue();
        assertThat(s.method()).isEqualTo("INVITE").isSameAs(SipScanner.scan(bytes(SipSamples.INVITE_F1), 1).method());
        assertThat(s.requestUri()).isEqualTo("sip:bob@biloxi.com");
        assertThat(s.statusCode()).isEqualTo(-1);
        assertThat(s.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.com");
        assertThat(s.fromTag()).isEqualTo("1928301774");
        assertThat(s.toTag()).isNull();
        assertThat(s.fromUser()).isEqualTo("alice");
        assertThat(s.toUser()).isEqualTo("bob");
        assertThat(s.fromDisplay()).isEqualTo("Alice");
        assertThat(s.cseq()).isEqualTo(314159);
        assertThat(s.cseqMethod()).isEqualTo("INVITE");
        assertThat(s.branch()).isEqualTo("z9hG4bK776asdhds");
        assertThat(s.viaTransport()).isEqualTo("UDP");
        assertThat(s.contentType()).isEqualTo("application/sdp");
        assertThat(s.contentLength()).isEqualTo(SipSamples.SDP_AUDIO_VIDEO.replace("\n", "\r\n").length());
        assertThat(s.bodyLength()).isEqualTo(s.contentLength());
        assertThat(s.hasSdp()).isTrue();
        assertThat(s.anomalies()).isEmpty();
    }

    @Test
    void responseWithFoldedVias() {
        SipSummary s = scan(SipSamples.OK_F9);
        assertThat(s.request()).isFalse();
        assertThat(s.statusCode()).isEqualTo(200);
        assertThat(s.reasonPhrase()).isEqualTo("OK");
        assertThat(s.method()).isEqualTo("INVITE");
        assertThat(s.requestUri()).isNull();
        assertThat(s.branch()).isEqualTo("z9hG4bKnashds8");
        assertThat(s.toTag()).isEqualTo("a6c85cf");
        assertThat(s.label()).isEqualTo("200 OK");
        assertThat(s.anomalies()).isEmpty();
    }

    @Test
    void compactFormsQuotedDisplayNameTelUriAndIpv6() {
        SipSummary s = scan(SipSamples.COMPACT);
        assertThat(s.callId()).isEqualTo("compact-1@example.com");
        assertThat(s.fromDisplay()).isEqualTo("Smith, John \"JJ\"");
        assertThat(s.fromUser()).isEqualTo("john");
        assertThat(s.fromTag()).isEqualTo("abc123");
        assertThat(s.toUser()).isEqualTo("+15551234");
        assertThat(s.viaTransport()).isEqualTo("TCP");
        assertThat(s.branch()).isEqualTo("z9hG4bKc0mp4ct");
        assertThat(s.contentType()).isEqualTo("application/sdp");
        assertThat(s.contentLength()).isEqualTo(s.bodyLength()).isPositive();
        assertThat(s.expires()).isEqualTo(600);
        assertThat(s.anomalies()).isEmpty();
    }

    @Test
    void registerAndChallengeFields() {
        SipSummary r = scan(SipSamples.REGISTER_AUTH);
        assertThat(r.expires()).isEqualTo(7200);
        assertThat(r.userAgent()).isEqualTo("Parley-Test/1.0");
        assertThat(r.contentLength()).isZero();
        assertThat(r.bodyLength()).isZero();
        SipSummary c = scan(SipSamples.UNAUTHORIZED);
        assertThat(c.statusCode()).isEqualTo(401);
        assertThat(c.reasonPhrase()).isEqualTo("Unauthorized");
        assertThat(c.method()).isEqualTo("REGISTER");
        assertThat(c.userAgent()).isEqualTo("TestRegistrar");
        assertThat(scan(SipSamples.OK_REGISTER).expires()).isEqualTo(3600);
    }

    @Test
    void reasonCorrelationAndWebSocketTransport() {
        SipSummary s = scan(SipSamples.BYE_REASON);
        assertThat(s.reason()).isEqualTo("Q.850;cause=16;text=\"Normal call clearing\"");
        assertThat(s.correlationId()).isEqualTo("leg-a-77");
        assertThat(s.viaTransport()).isEqualTo("WSS");
        assertThat(scanRaw("OPTIONS sip:a@b SIP/2.0\r\nX-CID: xyz\r\n\r\n").correlationId()).isEqualTo("xyz");
    }

    @Test
    void textPreviewForPlainAndCpimMessages() {
        assertThat(scan(SipSamples.MESSAGE_TEXT).textPreview()).isEqualTo("Watson, come here.");
        SipSummary cpim = scan(SipSamples.MESSAGE_CPIM);
        assertThat(cpim.contentType()).isEqualTo("message/cpim");
        assertThat(cpim.textPreview()).isEqualTo("Here is the text of my message.");
        assertThat(cpim.fromDisplay()).isEqualTo("MR SANDERS");
        assertThat(scan(SipSamples.INVITE_F1).textPreview()).isNull();
        String longText = "x".repeat(500);
        SipSummary l = scan(SipSamples.MESSAGE_TEXT.replace("Watson, come here.", longText));
        assertThat(l.textPreview()).hasSize(200);
    }

    @Test
    void invalidContentLengthIsAnAnomaly() {
        for (String bad : new String[] {"bad", "xyz", "12abc", "1 2", ""}) {
            SipSummary s = scanRaw("INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\n"
                    + "To: <sip:c@d>\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: " + bad + "\r\n\r\nbody");
            assertThat(s.contentLength()).as(bad).isEqualTo(-1);
            assertThat(s.bodyLength()).isEqualTo(4);
            assertThat(s.anomalies()).extracting(Anomaly::code).containsExactly("sip.content_length.invalid");
            assertThat(s.anomalies().get(0).frame()).isEqualTo(7);
        }
    }

    @Test
    void zeroWithTrailingSpacesIsValid() {
        // aiengine_gprs_sip_flow.pcap: "Content-Length: 0" followed by spaces
        SipSummary s = scanRaw("SIP/2.0 100 Trying\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\n"
                + "To: <sip:c@d>\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: 0     \r\n\r\n");
        assertThat(s.contentLength()).isZero();
        assertThat(s.anomalies()).isEmpty();
    }

    @Test
    void contentLengthShorterAndLongerThanTheBody() {
        String head = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=b\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\n"
                + "Call-ID: x\r\nCSeq: 1 BYE\r\n";
        assertThat(scanRaw(head + "Content-Length: 2\r\n\r\nabcd").bodyLength()).isEqualTo(2);
        SipSummary t = scanRaw(head + "Content-Length: 10\r\n\r\nabcd");
        assertThat(t.bodyLength()).isEqualTo(4);
        assertThat(t.anomalies()).extracting(Anomaly::code).containsExactly("sip.body.truncated");
    }

    /**
     * Bytes that are no letter cannot start a start line, so the scan goes straight to the junk rule: binary junk
     * before a known method is found there, with its length, and a datagram of binary only (RTP) is turned away.
     */
    @Test
    void binaryJunkBeforeAKnownMethodIsSkippedAndBinaryAloneIsNoSip() {
        byte[] head = {(byte) 0x80, 0x00, 0x7b};
        byte[] rest = ("REGISTER sip:1.1.1.1 SIP/2.0\r\nCall-ID: j\r\nCSeq: 1 REGISTER\r\n\r\n")
                .getBytes(ISO_8859_1);
        byte[] message = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, message, head.length, rest.length);
        SipSummary s = SipScanner.scan(Bytes.of(message), 1);
        assertThat(s).isNotNull();
        assertThat(s.method()).isEqualTo("REGISTER");
        assertThat(s.callId()).isEqualTo("j");
        assertThat(s.anomalies()).filteredOn(a -> a.code().equals("sip.leading_junk"))
                .extracting(Anomaly::message).containsExactly("3 junk bytes before the start line");
        byte[] rtp = new byte[172];
        rtp[0] = (byte) 0x80;
        rtp[9] = 'R'; // an upper-case byte in the header that starts no method
        assertThat(SipScanner.scan(Bytes.of(rtp), 2)).isNull();
        assertThat(SipScanner.looksLikeSip(Bytes.of(rtp))).isFalse();
        assertThat(SipScanner.looksLikeSip(Bytes.of(message))).isTrue();
    }

    @Test
    void missingHeadersAndBlankLine() {
        SipSummary s = scanRaw("DBREGISTER sip:1.1.1.1:5060 SIP/2.0\r\nExpires: 3600\r\n\r\n");
        assertThat(s).isNotNull();
        assertThat(s.method()).isEqualTo("REGISTER");
        assertThat(s.expires()).isEqualTo(3600);
        assertThat(s.anomalies()).extracting(Anomaly::code).containsExactly("sip.leading_junk",
                "sip.header.missing", "sip.header.missing", "sip.header.missing", "sip.header.missing",
                "sip.header.missing");
        assertThat(s.anomalies()).extracting(Anomaly::message).contains("Call-ID header missing", "Via header missing");
        SipSummary noBlank = scanRaw("OPTIONS sip:a@b SIP/2.0\r\nCall-ID: q\r\nCSeq: 2 OPTIONS");
        assertThat(noBlank.callId()).isEqualTo("q");
        assertThat(noBlank.cseq()).isEqualTo(2);
        assertThat(noBlank.bodyLength()).isZero();
        assertThat(noBlank.anomalies()).extracting(Anomaly::code).contains("sip.header.unterminated");
    }

    @Test
    void lfOnlyCaseInsensitiveNamesAndKeepAlives() {
        SipSummary s = scanRaw("\r\n\r\nBYE sip:a@b SIP/2.0\nVIA: SIP/2.0/tcp h;BRANCH=z9hG4bKx\ncall-id: lf\n"
                + "FROM: \"A\" <sips:alice:secret@a.example>;TAG=f1\nto: b <sip:b.example>;tag=t2\ncseq: 5 BYE\n"
                + "content-length: 3\n\nabc");
        assertThat(s.callId()).isEqualTo("lf");
        assertThat(s.viaTransport()).isEqualTo("TCP");
        assertThat(s.branch()).isEqualTo("z9hG4bKx");
        assertThat(s.fromUser()).isEqualTo("alice");
        assertThat(s.fromTag()).isEqualTo("f1");
        assertThat(s.toUser()).isEqualTo("sip:b.example");
        assertThat(s.toTag()).isEqualTo("t2");
        assertThat(s.bodyLength()).isEqualTo(3);
        assertThat(s.anomalies()).isEmpty();
    }

    @Test
    void namesAndTheRequestUriAreMadeFromThePackedBytesWhenAskedFor() {
        SipSummary s = scanRaw("INVITE sip:bob@b.example;user=phone SIP/2.0\r\nCall-ID: c1\r\n"
                + "From: \"Al \\\"the\\\" Pal\" <sip:alice@a.example>;tag=f\r\nTo: tel:+1555;x=y\r\n\r\n");
        assertThat(s.requestUri()).isEqualTo("sip:bob@b.example;user=phone");
        assertThat(s.fromDisplay()).isEqualTo("Al \"the\" Pal");
        assertThat(s.fromUser()).isEqualTo("alice").isNotSameAs(s.fromUser()); // made on each call
        assertThat(s.toUser()).isEqualTo("+1555");
        // a folded Call-ID makes the keys go through text; the names are still there
        SipSummary folded = scanRaw("BYE sip:a@b SIP/2.0\r\nCall-ID:\r\n  id-2\r\n"
                + "From: Carol\r\n Smith <sip:carol@c>;tag=t\r\nTo: <sip:dave@d>\r\n\r\n");
        assertThat(folded.callId()).isEqualTo("id-2");
        assertThat(folded.fromTag()).isEqualTo("t");
        assertThat(folded.fromUser()).isEqualTo("carol");
        assertThat(folded.fromDisplay()).isEqualTo("Carol\r\n Smith"); // as before this change: a token is not unfolded
        assertThat(folded.toUser()).isEqualTo("dave");
        assertThat(folded.requestUri()).isEqualTo("sip:a@b");
        SipSummary response = scan(SipSamples.UNAUTHORIZED);
        assertThat(response.requestUri()).isNull();
    }

    @Test
    void foldedCallIdIsUnfolded() {
        SipSummary s = scanRaw("BYE sip:a@b SIP/2.0\r\nCall-ID:\r\n  folded-id\r\nSubject: a\r\n\tb\r\n\r\n");
        assertThat(s.callId()).isEqualTo("folded-id");
    }

    @Test
    void garbageIsNotSip() {
        assertThat(SipScanner.scan(Bytes.of(new byte[4]), 1)).isNull();
        assertThat(scanRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).isNull();
        assertThat(scanRaw("HTTP/1.1 200 OK\r\n\r\n")).isNull();
        assertThat(scanRaw("REGIStER sip:a@b SIP/2.0\r\n\r\n")).isNull();
        assertThat(scanRaw("\r\n\r\n")).isNull();
        assertThat(SipScanner.scan(Bytes.EMPTY, 1)).isNull();
    }

    @Test
    void looksLikeSip() {
        assertThat(SipScanner.looksLikeSip(bytes(SipSamples.INVITE_F1))).isTrue();
        assertThat(SipScanner.looksLikeSip(bytes(SipSamples.OK_F9))).isTrue();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("FOOBAR sip:x@y SIP/2.0\r\n"))).isTrue();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("SIP/2.0 487 Request Terminated\r\n"))).isTrue();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("\r\n\r\nOPTIONS sip:x SIP/2.0\r\n"))).isTrue();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("DBREGISTER sip:1.1.1.1:5060 SIP/2.0\r\nExpires: 3600\r\n\r\n")))
                .isTrue();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("GET / HTTP/1.1\r\nHost: a\r\n\r\n"))).isFalse();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("HTTP/1.1 200 OK\r\n\r\n"))).isFalse();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("+OK POP3 server ready\r\n"))).isFalse();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("+PONG\r\n"))).isFalse();
        assertThat(SipScanner.looksLikeSip(Bytes.of(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 1, 0, 1, (byte) 0xfc,
                3, 3, 0, 0, 0}))).isFalse();
        assertThat(SipScanner.looksLikeSip(Bytes.of(new byte[4]))).isFalse();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("invite sip:x SIP/2.0\r\n"))).isFalse();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("SIP/2.0 abc OK\r\n"))).isFalse();
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("INVITE sip:x SIP/3.0\r\n"))).isFalse();
        // junk before an unknown method is not tolerated
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("xxFOOBAR sip:x@y SIP/2.0\r\n"))).isFalse();
    }

    /**
     * A Request-URI needs a colon and no SP, control or DEL byte, wherever the byte is (the check reads eight bytes at
     * a time, then the rest one by one), for URIs of every length up to three words.
     */
    @Test
    void requestUriIsCheckedAtEveryPosition() {
        for (int length = 2; length <= 26; length++) {
            for (int at = 0; at < length; at++) {
                char[] uri = "abcdefghijklmnopqrstuvwxyz".substring(0, length).toCharArray();
                uri[at] = ':';
                assertThat(SipScanner.looksLikeSip(Bytes.ascii("FOO " + new String(uri) + " SIP/2.0\r\n")))
                        .as("colon at %d of %d", at, length).isTrue();
                for (char bad : new char[] {'\u0000', '\t', '\u001f', '\u007f'}) {
                    char[] spoiled = uri.clone();
                    spoiled[at == 0 ? 1 : at - 1] = bad;
                    assertThat(SipScanner.looksLikeSip(Bytes.ascii("FOO " + new String(spoiled) + " SIP/2.0\r\n")))
                            .as("byte %d before colon at %d of %d", (int) bad, at, length).isFalse();
                }
            }
            String noColon = "abcdefghijklmnopqrstuvwxyz".substring(0, length);
            assertThat(SipScanner.looksLikeSip(Bytes.ascii("FOO " + noColon + " SIP/2.0\r\n"))).isFalse();
        }
        assertThat(SipScanner.looksLikeSip(Bytes.ascii("FOO sip:\u00e9t\u00e9@h\u00f4te.example SIP/2.0\r\n"))).isTrue();
    }

    /**
     * Datagrams are claimed by scanning them (SipProtocol.offerDatagram), so the scan must accept exactly what the
     * heuristic does: every prefix of real messages, with junk, keep-alives and flipped bytes in front, and random
     * bytes.
     */
    @Test
    void scanAcceptsExactlyWhatLooksLikeSip() {
        Random random = new Random(3261);
        List<String> seeds = List.of(SipSamples.INVITE_F1, SipSamples.OK_F9, SipSamples.COMPACT,
                "DBREGISTER sip:1.1.1.1:5060 SIP/2.0\r\nExpires: 3600\r\n\r\n",
                "\r\n\r\nFOOBAR sip:x@y SIP/2.0\r\n\r\n",
                "xxINVITE sip:x@y SIP/2.0\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", "+OK POP3 server ready\r\n");
        int accepted = 0;
        int checked = 0;
        for (String seed : seeds) {
            byte[] whole = seed.getBytes(ISO_8859_1);
            for (int n = 0; n <= Math.min(whole.length, 120); n++) {
                for (int variant = 0; variant < 5; variant++) {
                    byte[] b = Arrays.copyOf(whole, n);
                    if (variant == 1 && n > 0) {
                        b[random.nextInt(n)] = (byte) random.nextInt(256);
                    } else if (variant == 2) {
                        b = (" \u0000" + new String(b, ISO_8859_1)).getBytes(ISO_8859_1);
                    } else if (variant == 3) {
                        random.nextBytes(b);
                    } else if (variant == 4) {
                        b = ("\r\n\r\n" + new String(b, ISO_8859_1)).getBytes(ISO_8859_1);
                    }
                    boolean looks = SipScanner.looksLikeSip(Bytes.of(b));
                    assertThat(SipScanner.scan(Bytes.of(b), 1) != null).as("%s", new String(b, ISO_8859_1))
                            .isEqualTo(looks);
                    accepted += looks ? 1 : 0;
                    checked++;
                }
            }
        }
        assertThat(accepted).isGreaterThan(checked / 4); // both answers were exercised
        assertThat(accepted).isLessThan(checked);
    }

    @Test
    void eventAndSubscriptionStateWithoutTheirParameters() {
        String notify = "NOTIFY sip:alice@10.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 10.0.0.2;branch=z9hG4bK-77\r\n"
                + "From: <sip:alice@example.com>;tag=n1\r\nTo: <sip:alice@example.com>;tag=s1\r\n"
                + "Call-ID: sub-1\r\nCSeq: 2 NOTIFY\r\n"
                + "Event: presence;id=7\r\nSubscription-State: active;expires=599\r\n"
                + "Content-Length: 0\r\n\r\n";
        SipSummary s = SipScanner.scan(dev.parley.decode.Bytes.ascii(notify), 1);
        assertThat(s.event()).isEqualTo("presence");
        assertThat(s.subscriptionState()).isEqualTo("active");

        SipSummary compact = SipScanner.scan(dev.parley.decode.Bytes.ascii(notify.replace("Event:", "o:")), 1);
        assertThat(compact.event()).isEqualTo("presence");
    }
}
