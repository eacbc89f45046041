package dev.parley.decode.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {
    private static final Map<String, Integer> HEADERS = Map.ofEntries(
            Map.entry("Call-ID", Names.CALL_ID), Map.entry("i", Names.CALL_ID),
            Map.entry("From", Names.FROM), Map.entry("f", Names.FROM),
            Map.entry("To", Names.TO), Map.entry("t", Names.TO),
            Map.entry("CSeq", Names.CSEQ),
            Map.entry("Via", Names.VIA), Map.entry("v", Names.VIA),
            Map.entry("Content-Type", Names.CONTENT_TYPE), Map.entry("c", Names.CONTENT_TYPE),
            Map.entry("Content-Length", Names.CONTENT_LENGTH), Map.entry("l", Names.CONTENT_LENGTH),
            Map.entry("Expires", Names.EXPIRES),
            Map.entry("Contact", Names.CONTACT), Map.entry("m", Names.CONTACT),
            Map.entry("Reason", Names.REASON),
            Map.entry("X-CID", Names.CORRELATION), Map.entry("X-Call-ID", Names.CORRELATION),
            Map.entry("User-Agent", Names.USER_AGENT), Map.entry("Server", Names.USER_AGENT),
            Map.entry("Event", Names.EVENT), Map.entry("o", Names.EVENT),
            Map.entry("Subscription-State", Names.SUBSCRIPTION_STATE));

    /**
     * The id of a name, looked up twice: followed by a whole header line (the compare reads eight bytes at a time)
     * and at the very end of its array (it compares byte by byte); both must agree.
     */
    private static int id(String name) {
        byte[] inLine = ("  " + name + ": SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] atEnd = ("  " + name).getBytes(StandardCharsets.ISO_8859_1);
        int id = Names.id(inLine, 2, name.length());
        assertEquals(id, Names.id(atEnd, 2, name.length()), name);
        return id;
    }

    @Test
    void everySummaryHeaderIsFoundInAnyCase() {
        HEADERS.forEach((name, id) -> {
            assertEquals(id, id(name), name);
            assertEquals(id, id(name.toLowerCase(Locale.ROOT)), name);
            assertEquals(id, id(name.toUpperCase(Locale.ROOT)), name);
        });
    }

    @Test
    void otherNamesAndNearMissesAreOther() {
        for (String name : new String[] {"Max-Forwards", "Allow", "Supported", "Call-IE", "Contacts", "Contac",
                "Call_ID", "C", "x", "Content-Lengths", "", "Call\rID", "Fro\u00edm", "VIA ", "e", "s", "Call\rid",
                "CALL" + (char) 0x0d + "ID", "Call-I" + (char) 0x04, "Su@scription-State", "X" + (char) 0x0d + "CID",
                "\u00c3all-ID", "Frkm", "Subscription-Statf", "Subscription-Stat\u00c5"}) {
            assertEquals(name.equalsIgnoreCase("c") ? Names.CONTENT_TYPE : Names.OTHER, id(name), name);
        }
    }

    @Test
    void onlyLinesStartingLikeASummaryHeaderAreLookedAtFurther() {
        HEADERS.keySet().forEach(name -> {
            assertTrue(Names.mayBeSummaryHeader((byte) name.charAt(0)), name);
            assertTrue(Names.mayBeSummaryHeader((byte) Character.toLowerCase(name.charAt(0))), name);
        });
        for (char c : "AaBbDdGgHhJjKkNnPpQqWwYyZz0-: \t".toCharArray()) {
            assertFalse(Names.mayBeSummaryHeader((byte) c), String.valueOf(c));
        }
    }

    @Test
    void methodsAreMatchedInExactCaseOnly() {
        for (String m : new String[] {"ACK", "BYE", "CANCEL", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS",
                "PRACK", "PUBLISH", "REFER", "REGISTER", "SUBSCRIBE", "UPDATE"}) {
            byte[] b = m.getBytes(StandardCharsets.US_ASCII);
            assertEquals(m, Names.knownMethod(b, 0, b.length));
            byte[] lower = m.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            assertNull(Names.knownMethod(lower, 0, lower.length), m);
        }
        byte[] other = "INVITES REFERS XYZ".getBytes(StandardCharsets.US_ASCII);
        assertNull(Names.knownMethod(other, 0, 7));
        assertNull(Names.knownMethod(other, 8, 6));
        assertEquals("INVITE", Names.knownMethod(other, 0, 6));
        assertEquals("MY-METHOD", Names.method("MY-METHOD".getBytes(StandardCharsets.US_ASCII), 0, 9));
    }

    @Test
    void mediaTypesAndTransportsAreSharedConstantsInTheirCanonicalCase() {
        byte[] sdp = "Application/SDP".getBytes(StandardCharsets.US_ASCII);
        assertSame(Names.mediaType("application/sdp".getBytes(StandardCharsets.US_ASCII), 0, 15),
                Names.mediaType(sdp, 0, sdp.length));
        assertEquals("application/sdp", Names.mediaType(sdp, 0, sdp.length));
        byte[] xml = "APPLICATION/XML".getBytes(StandardCharsets.US_ASCII); // same letter and length as .../sdp
        assertEquals("application/xml", Names.mediaType(xml, 0, xml.length));
        byte[] odd = "Application/X-Odd".getBytes(StandardCharsets.US_ASCII);
        assertEquals("application/x-odd", Names.mediaType(odd, 0, odd.length));
        byte[] tls = "tls-sctp".getBytes(StandardCharsets.US_ASCII);
        assertEquals("TLS-SCTP", Names.transport(tls, 0, tls.length));
        byte[] quic = "quic".getBytes(StandardCharsets.US_ASCII);
        assertEquals("QUIC", Names.transport(quic, 0, quic.length));
        assertNull(Names.transport(quic, 2, 2));
    }

    @Test
    void tablesKeepKeysThatShareFirstLetterAndLength() {
        AsciiTable t = new AsciiTable(true, "call-id", "contact", "cookies");
        for (String k : new String[] {"call-id", "CONTACT", "Cookies"}) {
            byte[] b = k.getBytes(StandardCharsets.US_ASCII);
            assertEquals(k.equalsIgnoreCase("call-id") ? 0 : k.equalsIgnoreCase("contact") ? 1 : 2, t.find(b, 0, 7));
        }
        byte[] hash = "#all-id".getBytes(StandardCharsets.US_ASCII); // '#' | 0x20 falls in the slot of 'c'
        assertEquals(-1, t.find(hash, 0, 7));
        assertThrows(IllegalArgumentException.class, () -> new AsciiTable(true, "Upper"));
        assertThrows(IllegalArgumentException.class, () -> new AsciiTable(false, ""));
    }
}
