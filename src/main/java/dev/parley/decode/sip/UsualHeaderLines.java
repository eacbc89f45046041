package dev.parley.decode.sip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Header lines as user agents usually write them ("Call-ID:", "From:", "Max-Forwards:"...: the RFC's spelling, the
 * colon right after the name), told by comparing the line's first one or two eight-byte words with each candidate
 * for its first byte. Such a line needs no search for its colon and no name lookup; any other line (another case, a
 * space before the colon, a compact form, a name we do not know) is left to {@link HeaderScan}'s general path, which
 * gives the same answer for these lines, only slower. The name lookups were a tenth of the reading thread's samples
 * (docs/DESIGN-NOTES.md note 46).
 */
final class UsualHeaderLines {
    /** Not a usual line: take the general path. */
    static final long UNKNOWN = -1;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long CALL_ID = word("Call-ID:");
    private static final long CONTACT = word("Contact:");
    private static final long CONTENT = word("Content-");
    private static final long CSEQ = word("CSeq:");
    private static final long EXPIRES = word("Expires:");
    private static final long FROM = word("From:");
    private static final long TO = word("To:");
    private static final long VIA = word("Via:");
    private static final long USER_AGE = word("User-Age");
    private static final long SERVER = word("Server:");
    private static final long EVENT = word("Event:");
    private static final long REASON = word("Reason:");
    private static final long MAX_FORW = word("Max-Forw");
    private static final long RECORD_R = word("Record-R");
    private static final long ROUTE = word("Route:");
    private static final long SUPPORTE = word("Supporte");
    // second words, at the line's eighth byte
    private static final long TYPE = word("Type:");
    private static final long LENGTH = word("Length:");
    private static final long NT = word("nt:");

    private UsualHeaderLines() {
    }

    /**
     * For the header line at {@code a[p]}, which has at least 16 bytes of {@code a} from {@code p} on: {@code id << 8 |
     * length of the name and colon} when it is written the usual way ({@code id} one of {@link Names}' header ids, or
     * {@link Names#OTHER} for a usual line the summary does not need), else {@link #UNKNOWN}.
     */
    static long of(byte[] a, int p) {
        long w = (long) LONGS.get(a, p);
        switch (a[p]) {
            case 'C':
                if (w == CALL_ID) {
                    return found(Names.CALL_ID, 8);
                }
                if (w == CONTACT) {
                    return found(Names.CONTACT, 8);
                }
                if (w == CONTENT) {
                    long w2 = (long) LONGS.get(a, p + 8);
                    if (is(w2, TYPE, 5)) {
                        return found(Names.CONTENT_TYPE, 13);
                    }
                    if (is(w2, LENGTH, 7)) {
                        return found(Names.CONTENT_LENGTH, 15);
                    }
                    return UNKNOWN;
                }
                return is(w, CSEQ, 5) ? found(Names.CSEQ, 5) : UNKNOWN;
            case 'F':
                return is(w, FROM, 5) ? found(Names.FROM, 5) : UNKNOWN;
            case 'T':
                return is(w, TO, 3) ? found(Names.TO, 3) : UNKNOWN;
            case 'V':
                return is(w, VIA, 4) ? found(Names.VIA, 4) : UNKNOWN;
            case 'E':
                if (w == EXPIRES) {
                    return found(Names.EXPIRES, 8);
                }
                return is(w, EVENT, 6) ? found(Names.EVENT, 6) : UNKNOWN;
            case 'U':
                return w == USER_AGE && is((long) LONGS.get(a, p + 8), NT, 3) ? found(Names.USER_AGENT, 11) : UNKNOWN;
            case 'S':
                if (is(w, SERVER, 7)) {
                    return found(Names.USER_AGENT, 7);
                }
                return w == SUPPORTE ? found(Names.OTHER, 0) : UNKNOWN;
            case 'R':
                if (is(w, REASON, 7)) {
                    return found(Names.REASON, 7);
                }
                if (w == RECORD_R || is(w, ROUTE, 6)) {
                    return found(Names.OTHER, 0);
                }
                return UNKNOWN;
            case 'M':
                return w == MAX_FORW ? found(Names.OTHER, 0) : UNKNOWN;
            default:
                return UNKNOWN;
        }
    }

    private static long found(int id, int nameAndColon) {
        return (long) id << 8 | nameAndColon;
    }

    /** Whether the first {@code n} bytes of {@code w} are those of {@code expected}. */
    private static boolean is(long w, long expected, int n) {
        return (w & (-1L >>> (64 - 8 * n))) == expected;
    }

    /** The bytes of {@code s} (at most eight ASCII characters) as {@link #LONGS} reads them. */
    private static long word(String s) {
        long w = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            w = w << 8 | s.charAt(i);
        }
        return w;
    }
}
