package dev.parley.decode.sip;

/**
 * Finds one ";name=value" header parameter in a byte range without splitting the parameters out (tag, branch, the
 * expires of a Contact).
 */
final class ParamScan {
    static final byte[] TAG = {'t', 'a', 'g'};
    static final byte[] BRANCH = {'b', 'r', 'a', 'n', 'c', 'h'};
    static final byte[] EXPIRES = {'e', 'x', 'p', 'i', 'r', 'e', 's'};
    /** Bytes that end an unquoted parameter value. */
    private static final boolean[] PARAM_END = new boolean[256];

    static {
        for (char c : ";, \t\r\n>".toCharArray()) {
            PARAM_END[c] = true;
        }
    }

    private ParamScan() {
    }

    /**
     * Where the value of ";name=value" is in {@code a}: start in the high and end in the low 32 bits (inside the
     * quotes of a quoted value; an empty range for a flag), or -1 when absent.
     */
    static long paramRange(byte[] a, int from, int to, byte[] name) {
        int p = from;
        while ((p = StartLine.indexOf(a, (byte) ';', p, to, to)) < to) {
            int q = ByteText.skipWsFold(a, p + 1, to);
            int k = 0;
            while (k < name.length && q + k < to && ByteText.lower(a, q + k) == name[k]) {
                k++;
            }
            if (k == name.length) {
                int r = ByteText.skipWsFold(a, q + k, to);
                if (r >= to || a[r] == ';' || a[r] == ',') {
                    return range(r, r);
                }
                if (a[r] == '=') {
                    int vs = ByteText.skipWsFold(a, r + 1, to);
                    if (vs < to && a[vs] == '"') {
                        int ve = ByteText.indexOf(a, (byte) '"', vs + 1, to);
                        return range(vs + 1, ve < 0 ? to : ve);
                    }
                    return range(vs, valueEnd(a, vs, to));
                }
            }
            p++;
        }
        return -1;
    }

    /** Where the unquoted parameter value starting at {@code vs} ends: its first ending byte, or {@code to}. */
    static int valueEnd(byte[] a, int vs, int to) {
        int ve = vs;
        while (ve < to && !PARAM_END[a[ve] & 0xff]) {
            ve++;
        }
        return Math.max(vs, ve);
    }

    private static long range(int start, int end) {
        return (long) start << 32 | end;
    }

    /** The "expires" parameter of the first Contact in [vs, ve), or -1 when absent or invalid. */
    static int contactExpires(byte[] a, int vs, int ve) {
        int gt = -1;
        if (ByteText.indexOf(a, (byte) '<', vs, ve) >= 0) {
            gt = ByteText.indexOf(a, (byte) '>', vs, ve);
        }
        int from = gt < 0 ? vs : gt + 1;
        int comma = ByteText.indexOf(a, (byte) ',', from, ve);
        long range = paramRange(a, from, comma < 0 ? ve : comma, EXPIRES);
        if (range < 0) {
            return -1;
        }
        long n = ByteText.number(a, (int) (range >>> 32), (int) range); // read in place: no String per Contact
        return n < 0 || n > Integer.MAX_VALUE ? -1 : (int) n;
    }
}
