package dev.parley.decode.sip;

/**
 * Reads From and To values (name-addr or bare addr-spec). At load the scanner only finds the tag and keeps the value's
 * bytes ({@link #read}); the display name and the URI user are read from those bytes when a summary is asked for
 * them ({@link #display}, {@link #user}), which the correlator does for the first messages of a Call-ID only.
 */
final class NameAddrScan {
    private NameAddrScan() {
    }

    /** Keeps the value [vs, ve) of a From ({@code from}) or To header and the range of its tag in the scan. */
    static void read(HeaderScan scan, byte[] a, int vs, int ve, boolean from) {
        int lt = uriOpen(a, vs, ve);
        int paramsFrom;
        if (lt >= 0) {
            int gt = ByteText.indexOf(a, (byte) '>', lt + 1, ve);
            paramsFrom = gt < 0 ? ve : gt + 1;
        } else {
            int semi = ByteText.indexOf(a, (byte) ';', vs, ve);
            paramsFrom = semi < 0 ? ve : semi;
        }
        long tag = ParamScan.paramRange(a, paramsFrom, ve, ParamScan.TAG);
        scan.key(from ? SipSummary.FROM_TAG : SipSummary.TO_TAG, tag);
        scan.key(from ? SipSummary.FROM : SipSummary.TO, (long) vs << 32 | ve);
    }

    /**
     * The '<' opening the URI of the name-addr in [vs, ve), or -1 for a bare addr-spec (no '<', or a ';' before it:
     * then the '<' is inside a parameter). The '<' of a quoted display name does not count.
     */
    private static int uriOpen(byte[] a, int vs, int ve) {
        if (vs < ve && a[vs] == '"') {
            return ByteText.indexOf(a, (byte) '<', Math.min(closingQuote(a, vs, ve) + 1, ve), ve);
        }
        int lt = ByteText.indexOf(a, (byte) '<', vs, ve);
        return lt >= 0 && ByteText.indexOf(a, (byte) ';', vs, lt) >= 0 ? -1 : lt;
    }

    /** The quote closing the one at {@code open}, or {@code ve} (or just past it) when it is missing. */
    private static int closingQuote(byte[] a, int open, int ve) {
        int q = open + 1;
        while (q < ve && a[q] != '"') {
            if (a[q] == '\\') {
                q++;
            }
            q++;
        }
        return q;
    }

    /** The display name of the value in [vs, ve), unquoted; null when there is none or it is empty. */
    static String display(byte[] a, int vs, int ve) {
        if (vs < ve && a[vs] == '"') {
            String d = Quoted.unquote(a, vs + 1, Math.min(closingQuote(a, vs, ve), ve));
            return d.isEmpty() ? null : d;
        }
        int lt = uriOpen(a, vs, ve);
        if (lt < 0) {
            return null;
        }
        int de = ByteText.trimEnd(a, vs, lt);
        return de > vs ? ByteText.text(a, vs, de) : null;
    }

    /** The user of the URI of the value in [vs, ve) (see {@link #uriUser}), null when there is no URI. */
    static String user(byte[] a, int vs, int ve) {
        int lt = uriOpen(a, vs, ve);
        int uriStart;
        int uriEnd;
        if (lt >= 0) {
            uriStart = lt + 1;
            int gt = ByteText.indexOf(a, (byte) '>', uriStart, ve);
            uriEnd = gt < 0 ? ve : gt;
        } else {
            uriStart = vs;
            int semi = ByteText.indexOf(a, (byte) ';', vs, ve);
            uriEnd = semi < 0 ? ve : semi;
        }
        return uriUser(null, a, ByteText.skipWs(a, uriStart, uriEnd), ByteText.trimEnd(a, uriStart, uriEnd));
    }

    /**
     * A name-addr that {@link #display} and {@link #user} read back as {@code display} and {@code user} (for
     * summaries made from Strings): {@code "display" <user>}. Null when both are null.
     *
     * @throws IllegalArgumentException when the user would not read back (it has a ':' or a '>')
     */
    static String format(String display, String user) {
        if (display == null && user == null) {
            return null;
        }
        if (user != null && (user.indexOf(':') >= 0 || user.indexOf('>') >= 0)) {
            throw new IllegalArgumentException("a user with ':' or '>' does not read back from a name-addr: " + user);
        }
        String quoted = display == null ? "" : "\"" + display.replace("\\", "\\\\").replace("\"", "\\\"") + "\" ";
        return quoted + "<" + (user == null ? "" : user) + ">";
    }

    /** User part of a sip/sips URI, the number of a tel URI, else the whole URI. */
    static String uriUser(TextCache cache, byte[] a, int s, int e) {
        if (s >= e) {
            return null;
        }
        int colon = ByteText.indexOf(a, (byte) ':', s, e);
        if (colon < 0) {
            return TextCache.text(cache, a, s, e);
        }
        int schemeLength = colon - s;
        if (schemeLength == 3 && ByteText.lower(a, s) == 't' && ByteText.lower(a, s + 1) == 'e'
                && ByteText.lower(a, s + 2) == 'l') {
            int semi = ByteText.indexOf(a, (byte) ';', colon + 1, e);
            return TextCache.text(cache, a, colon + 1, semi < 0 ? e : semi);
        }
        int at = -1;
        for (int i = colon + 1; i < e; i++) {
            byte c = a[i];
            if (c == '@') {
                at = i;
                break;
            }
            if (c == ';' || c == '?' || c == '>') {
                break;
            }
        }
        if (at < 0) {
            return TextCache.text(cache, a, s, e);
        }
        int ue = ByteText.indexOf(a, (byte) ':', colon + 1, at);
        return TextCache.text(cache, a, colon + 1, ue < 0 ? at : ue);
    }
}
