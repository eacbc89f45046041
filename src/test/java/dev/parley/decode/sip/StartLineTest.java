package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The request-line test every datagram offered to SIP goes through first. */
class StartLineTest {
    private static int methodLength(String line) {
        byte[] a = line.getBytes(StandardCharsets.ISO_8859_1);
        return StartLine.requestMethodLength(a, 0, a.length);
    }

    @Test
    void requestLinesGiveTheMethodLength() {
        assertThat(methodLength("INVITE sip:bob@biloxi.com SIP/2.0")).isEqualTo(6);
        assertThat(methodLength("ACK sip:bob@192.0.2.4 SIP/2.0")).isEqualTo(3);
        assertThat(methodLength("X-FOO.BAR tel:+15551234 SIP/2.0")).isEqualTo(9);
        assertThat(methodLength("A" + "B".repeat(31) + " sip:x SIP/2.0")).isEqualTo(32); // StartLine.MAX_METHOD
    }

    @Test
    void everythingElseGivesZero() {
        assertThat(methodLength("SIP/2.0 200 OK")).isZero();
        assertThat(methodLength("invite sip:bob@biloxi.com SIP/2.0")).as("lower case").isZero();
        assertThat(methodLength("A" + "B".repeat(32) + " sip:x SIP/2.0")).as("method too long").isZero();
        assertThat(methodLength("INVITE  sip:bob@biloxi.com SIP/2.0")).as("two spaces").isZero();
        assertThat(methodLength("INVITE sip:bob@biloxi.com SIP/2.1")).as("version").isZero();
        assertThat(methodLength("INVITE sip:bob@biloxi.com  SIP/2.0")).as("space in the uri").isZero();
        assertThat(methodLength("INVITE bob.biloxi.com SIP/2.0")).as("uri without a scheme").isZero();
        assertThat(methodLength("INVITE SIP/2.0")).as("no uri").isZero();
        assertThat(methodLength("INVITE")).isZero();
        assertThat(methodLength("I")).isZero();
        assertThat(methodLength("GET / HTTP/1.1")).isZero();
        assertThat(methodLength("")).isZero();
    }

    @Test
    void binaryDatagramsGiveZero() {
        byte[] rtp = {(byte) 0x80, 0x00, 0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 2, 'I', 'N', 'V', ' '};
        assertThat(StartLine.requestMethodLength(rtp, 0, rtp.length)).isZero();
        // a DNS query whose id happens to start with a capital letter
        byte[] dns = {'Q', 0x1f, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o',
            'm', 0, 0, 1, 0, 1};
        assertThat(StartLine.requestMethodLength(dns, 0, dns.length)).isZero();
        byte[] spaces = "Q        ".getBytes(StandardCharsets.ISO_8859_1); // the uri end falls before the method
        assertThat(StartLine.requestMethodLength(spaces, 0, spaces.length)).isZero();
    }

    @Test
    void readsOnlyInsideItsRange() {
        byte[] a = "xxINVITE sip:bob@biloxi.com SIP/2.0yy".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(StartLine.requestMethodLength(a, 2, a.length - 2)).isEqualTo(6);
        assertThat(StartLine.requestMethodLength(a, 2, 3)).isZero();
        assertThat(StartLine.requestMethodLength(a, 2, 2)).isZero();
    }
}
