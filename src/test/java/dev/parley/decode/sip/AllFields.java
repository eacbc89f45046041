package dev.parley.decode.sip;

import java.util.Arrays;

/**
 * The floor's scan ({@code LoadFloor}'s own) extended to every field that Parley's {@link SipSummary} carries: the keys,
 * kind and CSeq as before, and the Request-URI, reason phrase, From and To users, From display name, Via transport,
 * Content-Type, Content-Length, Expires (or the first Contact's), Reason, X-Call-ID, User-Agent or Server, Event,
 * Subscription-State and a MESSAGE's first bytes, copied as bytes and numbers into the batch as the keys are. It is
 * written the floor's way: one pass over the lines, names told by their first letter and length, no object per
 * message. It leaves out what only unusual messages need (folded lines, escapes, anomalies, junk before the start
 * line, names checked beyond letter and length), so the gap between {@code --all-fields} and {@code --scanner} prices
 * the shape of Parley's scan rather than its fields (docs/DESIGN-NOTES.md note 29). {@code AllFieldsTest} checks its
 * fields against the scanner's on the synthetic capture. Its walk over the lines repeats {@code LoadFloor}'s on
 * purpose: each floor is one loop that the JIT compiles whole, which a shared walk with a callback per line is not.
 */
final class AllFields {
    private static final int UDP_PAYLOAD = 14 + 20 + 8;
    // extra ranges
    static final int FROM_USER = 0;
    static final int TO_USER = 1;
    static final int DISPLAY = 2;
    static final int URI = 3;
    static final int PHRASE = 4;
    static final int REASON = 5;
    static final int XCID = 6;
    static final int UA = 7;
    static final int EVENT = 8;
    static final int SUBSTATE = 9;
    static final int TRANSPORT = 10;
    static final int PREVIEW = 11;
    /** Where numbers go in {@code Batch.numbers}: Content-Length, expires (or -1), media type (index in MEDIA). */
    static final int LENGTH = 0;
    static final int EXPIRES = 1;
    static final int MEDIA_TYPE = 2;
    static final String[] MEDIA = {"application/sdp", "text/plain", "message/cpim", "multipart/mixed",
        "application/isup"};
    private static final byte[][] MEDIA_BYTES = new byte[MEDIA.length][];
    private static final int MESSAGE = 7;

    static {
        for (int i = 0; i < MEDIA.length; i++) {
            MEDIA_BYTES[i] = MEDIA[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private AllFields() {
    }

    static boolean scan(byte[] b, int n, LoadFloor.Batch batch, long frame, long time) {
        int lf = LoadFloor.firstLineEnd(b, n, batch);
        if (lf < 0) {
            return false;
        }
        int s = UDP_PAYLOAD;
        int row = batch.rows;
        int[] keys = batch.keys;
        Arrays.fill(keys, row * 8, row * 8 + 8, -1);
        int[] more = batch.more;
        Arrays.fill(more, row * LoadFloor.Batch.MORE * 2, (row + 1) * LoadFloor.Batch.MORE * 2, -1);
        int le = b[lf - 1] == '\r' ? lf - 1 : lf;
        int kind;
        if (b[s] == 'S' && b[s + 1] == 'I' && b[s + 2] == 'P' && b[s + 3] == '/') {
            kind = (b[s + 8] - '0') * 100 + (b[s + 9] - '0') * 10 + (b[s + 10] - '0');
            more(batch, row, PHRASE, b, Math.min(s + 12, le), le);
        } else if (b[le - 8] == ' ' && b[le - 7] == 'S' && b[le - 6] == 'I' && b[le - 5] == 'P' && b[le - 4] == '/') {
            int sp = StartLine.indexOf(b, (byte) ' ', s, le, le);
            kind = -LoadFloor.method(b, s, sp);
            more(batch, row, URI, b, sp + 1, le - 8);
        } else {
            return false;
        }
        long cseq = -1L << 32;
        int body = -1;
        int contentLength = -1;
        int expires = -1;
        int contactExpires = -1;
        int media = -1;
        boolean via = false;
        boolean contact = false;
        for (int p = lf + 1; p < n; ) {
            int e = StartLine.indexOf(b, (byte) '\n', p, n, n);
            int ve = e > p && b[e - 1] == '\r' ? e - 1 : e;
            if (ve == p) {
                body = e + 1;
                break;
            }
            int colon = StartLine.indexOf(b, (byte) ':', p, ve, -1);
            if (colon > p) {
                int vs = colon + 1;
                while (vs < ve && b[vs] == ' ') {
                    vs++;
                }
                int c = b[p] | 0x20;
                int nl = colon - p;
                switch (c) {
                    case 'i':
                        if (nl == 1) {
                            LoadFloor.copy(batch, row, 0, b, vs, ve);
                        }
                        break;
                    case 'f':
                        if (nl == 4 || nl == 1) {
                            nameAddr(batch, row, b, vs, ve, true);
                        }
                        break;
                    case 't':
                        if (nl == 2 || nl == 1) {
                            nameAddr(batch, row, b, vs, ve, false);
                        }
                        break;
                    case 'v':
                        if ((nl == 3 || nl == 1) && !via) {
                            via = true;
                            int slash = vs + 8; // "SIP/2.0/UDP host;branch=..."
                            int te = StartLine.indexOf(b, (byte) ' ', slash, ve, ve);
                            more(batch, row, TRANSPORT, b, slash, te);
                            LoadFloor.param(batch, row, 3, b, te, ve, "branch=");
                        }
                        break;
                    case 'l':
                        if (nl == 1) {
                            contentLength = number(b, vs, ve);
                        }
                        break;
                    case 'm':
                        if (nl == 1 && !contact) {
                            contact = true;
                            contactExpires = contactExpires(b, vs, ve);
                        }
                        break;
                    case 'o':
                        if (nl == 1) {
                            more(batch, row, EVENT, b, vs, token(b, vs, ve));
                        }
                        break;
                    case 'x':
                        if (nl == 9) {
                            more(batch, row, XCID, b, vs, ve);
                        }
                        break;
                    case 'r':
                        if (nl == 6) {
                            more(batch, row, REASON, b, vs, ve);
                        }
                        break;
                    case 'u':
                        if (nl == 10) {
                            more(batch, row, UA, b, vs, ve);
                        }
                        break;
                    case 's':
                        if (nl == 6) {
                            more(batch, row, UA, b, vs, ve);
                        } else if (nl == 18) {
                            more(batch, row, SUBSTATE, b, vs, token(b, vs, ve));
                        }
                        break;
                    case 'e':
                        if (nl == 7) {
                            expires = number(b, vs, ve);
                        } else if (nl == 5) {
                            more(batch, row, EVENT, b, vs, token(b, vs, ve));
                        }
                        break;
                    case 'c':
                        if (nl == 7 && (b[p + 5] | 0x20) == 'i') {
                            LoadFloor.copy(batch, row, 0, b, vs, ve);
                        } else if (nl == 4) {
                            cseq = LoadFloor.cseq(b, vs, ve);
                        } else if (nl == 12 || nl == 1) {
                            media = media(b, vs, token(b, vs, ve));
                        } else if (nl == 14) {
                            contentLength = number(b, vs, ve);
                        } else if (nl == 7 && !contact) {
                            contact = true;
                            contactExpires = contactExpires(b, vs, ve);
                        }
                        break;
                    default:
                        break;
                }
            }
            p = e + 1;
        }
        if (kind == -MESSAGE && body > 0 && body < n && (media == 1 || media == 2)) {
            int from = body;
            if (media == 2) { // CPIM: its own headers, then the inner MIME headers
                from = afterBlankLine(b, afterBlankLine(b, from, n), n);
            }
            if (from > 0) {
                more(batch, row, PREVIEW, b, from, Math.min(n, from + 4 * SipScanner.PREVIEW));
            }
        }
        int[] numbers = batch.numbers;
        numbers[row * LoadFloor.Batch.NUMBERS + LENGTH] = contentLength;
        numbers[row * LoadFloor.Batch.NUMBERS + EXPIRES] = expires >= 0 ? expires : contactExpires;
        numbers[row * LoadFloor.Batch.NUMBERS + MEDIA_TYPE] = media;
        LoadFloor.endRow(b, batch, row, frame, time, kind, cseq);
        return true;
    }

    private static void nameAddr(LoadFloor.Batch batch, int row, byte[] b, int vs, int ve, boolean from) {
        int lt;
        if (vs < ve && b[vs] == '"') {
            int q = vs + 1;
            while (q < ve && b[q] != '"') {
                q += b[q] == '\\' ? 2 : 1;
            }
            if (from) {
                more(batch, row, DISPLAY, b, vs + 1, Math.min(q, ve));
            }
            lt = StartLine.indexOf(b, (byte) '<', Math.min(q + 1, ve), ve, -1);
        } else {
            lt = StartLine.indexOf(b, (byte) '<', vs, ve, -1);
            if (lt > vs && from) {
                int de = lt;
                while (de > vs && b[de - 1] == ' ') {
                    de--;
                }
                more(batch, row, DISPLAY, b, vs, de);
            }
        }
        int us = lt >= 0 ? lt + 1 : vs;
        int ue = lt >= 0 ? StartLine.indexOf(b, (byte) '>', us, ve, ve) : StartLine.indexOf(b, (byte) ';', vs, ve, ve);
        int colon = StartLine.indexOf(b, (byte) ':', us, ue, -1);
        if (colon > 0) {
            int at = StartLine.indexOf(b, (byte) '@', colon, ue, -1);
            more(batch, row, from ? FROM_USER : TO_USER, b, colon + 1, at < 0 ? ue : at);
        }
        LoadFloor.param(batch, row, from ? 1 : 2, b, ue, ve, "tag=");
    }

    private static int contactExpires(byte[] b, int vs, int ve) {
        int gt = StartLine.indexOf(b, (byte) '>', vs, ve, vs);
        for (int i = StartLine.indexOf(b, (byte) ';', gt, ve, ve); i < ve; i = StartLine.indexOf(b, (byte) ';', i + 1,
                ve, ve)) {
            if (i + 9 < ve && (b[i + 1] | 0x20) == 'e' && (b[i + 7] | 0x20) == 's' && b[i + 8] == '=') {
                return number(b, i + 9, ve);
            }
        }
        return -1;
    }

    private static int token(byte[] b, int vs, int ve) {
        int e = StartLine.indexOf(b, (byte) ';', vs, ve, ve);
        while (e > vs && b[e - 1] == ' ') {
            e--;
        }
        return e;
    }

    private static int afterBlankLine(byte[] b, int from, int n) {
        if (from < 0) {
            return -1;
        }
        for (int i = StartLine.indexOf(b, (byte) '\n', from, n, -1); i >= 0 && i + 1 < n;
                i = StartLine.indexOf(b, (byte) '\n', i + 1, n, -1)) {
            if (b[i + 1] == '\n') {
                return i + 2;
            }
            if (b[i + 1] == '\r' && i + 2 < n && b[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private static int media(byte[] b, int s, int e) {
        for (int i = 0; i < MEDIA_BYTES.length; i++) {
            byte[] m = MEDIA_BYTES[i];
            if (m.length == e - s && m[0] == (b[s] | 0x20) && m[m.length - 1] == (b[e - 1] | 0x20)) {
                return i;
            }
        }
        return MEDIA_BYTES.length;
    }

    private static int number(byte[] b, int s, int e) {
        int v = 0;
        for (int i = s; i < e && b[i] >= '0' && b[i] <= '9'; i++) {
            v = v * 10 + b[i] - '0';
        }
        return v;
    }

    private static void more(LoadFloor.Batch batch, int row, int which, byte[] b, int s, int e) {
        if (e < s) {
            return;
        }
        System.arraycopy(b, s, batch.bytes, batch.used, e - s);
        int at = (row * LoadFloor.Batch.MORE + which) * 2;
        batch.more[at] = batch.used;
        batch.more[at + 1] = e - s;
        batch.used += e - s;
    }
}
