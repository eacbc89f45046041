package dev.parley.decode.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.decode.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The usual lines' shortcut must give what the general path (colon search, then {@link Names#id}) gives, or step aside. */
class UsualHeaderLinesTest {
    private static final List<String> USUAL = List.of("Call-ID: a84b4c76e66710@pc33", "Contact: <sip:alice@pc33>",
            "Content-Type: application/sdp", "Content-Length: 142", "CSeq: 314159 INVITE",
            "Expires: 3600", "From: Alice <sip:alice@atlanta.com>;tag=1928301774", "To: <sip:bob@biloxi.com>",
            "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds", "User-Agent: SIPp", "Server: Dovecot",
            "Event: presence", "Reason: Q.850;cause=16", "Max-Forwards: 70", "Record-Route: <sip:p1;lr>",
            "Route: <sip:p2;lr>", "Supported: 100rel", "To:", "Via:x");
    /** Other spellings and look-alikes: the general path's, every one. */
    private static final List<String> OTHERS = List.of("call-id: x", "CALL-ID: x", "Call-ID : x", "i: x", "f: x",
            "From-X: y", "Toto: y", "Content-Disposition: session", "Content-Encoding: gzip", "User-Agents: z",
            "Server : z", "Reasons: x", "X-Call-ID: 7", "Subscription-State: active", "Allow: INVITE",
            "P-Asserted-Identity: <sip:a@b>");

    @Test
    void usualLinesAreTheGeneralPathsAnswer() {
        for (String line : USUAL) {
            byte[] a = bytes(line);
            long usual = UsualHeaderLines.of(a, 0);
            assertEquals(general(a), usual, line);
        }
    }

    @Test
    void otherSpellingsTakeTheGeneralPath() {
        for (String line : OTHERS) {
            assertEquals(UsualHeaderLines.UNKNOWN, UsualHeaderLines.of(bytes(line), 0), line);
        }
    }

    @Test
    void aUsualNameCutByTheLinesEndIsNotTaken() {
        // "Fro" ends its message; "m: x" follows in the buffer: the shortcut matches, the scan must not take it
        String message = "MESSAGE sip:b@h SIP/2.0\r\nCall-ID: 1\r\nCSeq: 1 MESSAGE\r\nFro";
        byte[] a = bytes(message + "m: x\r\n\r\n");
        SipSummary s = new SipScanner().scanMessage(Bytes.of(a).slice(0, message.length()), 1);
        assertEquals(-1, s.keyLength(SipSummary.FROM_TAG));
        assertTrue(s.anomalies().stream().anyMatch(x -> x.message().contains("From header missing")));
    }

    /** What the general path makes of a line: the id of the name before its colon, and where its value starts. */
    private static long general(byte[] a) {
        int colon = new String(a, StandardCharsets.ISO_8859_1).indexOf(':');
        return (long) Names.id(a, 0, colon) << 8 | (Names.id(a, 0, colon) == Names.OTHER ? 0 : colon + 1);
    }

    /** The line, then enough of a next one that the shortcut can read its two words. */
    private static byte[] bytes(String line) {
        return (line + "\r\nMax-Forwards: 70\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
