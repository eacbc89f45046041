package dev.parley.decode.sip;

/**
 * Reads the From and To headers for the scanner: display name (From only), URI user part and tag, written straight
 * into the {@link HeaderScan} so that nothing but the kept Strings is allocated.
 */
final class NameAddrScan {
    private NameAddrScan() {
    }

    /** Parses the name-addr (or bare addr-spec) in [vs, ve) of a From ({@code from}) or To header. */
    static void read(HeaderScan scan, byte[] a, int vs, int ve, boolean from) {
        int p = vs;
        String display = null;
        int uriStart;
        int uriEnd;
        int paramsFrom;
        int lt = -1;
        if (p < ve && a[p] == '"') {
            int q = p + 1;
            while (q < ve && a[q] != '"') {
                if (a[q] == '\\') {
                    q++;
                }
                q++;
            }
            if (from) {
                display = Quoted.unquote(scan.cache, a, p + 1, Math.min(q, ve));
            }
            lt = ByteText.indexOf(a, (byte) '<', Math.min(q + 1, ve), ve);
        } else {
            lt = ByteText.indexOf(a, (byte) '<', p, ve);
            if (lt >= 0) {
                int semi = ByteText.indexOf(a, (byte) ';', p, lt);
                if (semi >= 0) {
                    lt = -1;
                } else if (from) {
                    int de = ByteText.trimEnd(a, p, lt);
                    display = de > p ? scan.text(p, de) : null;
                }
            }
        }
        if (lt >= 0) {
            uriStart = lt + 1;
            int gt = ByteText.indexOf(a, (byte) '>', uriStart, ve);
            uriEnd = gt < 0 ? ve : gt;
            paramsFrom = gt < 0 ? ve : gt + 1;
        } else {
            uriStart = p;
            int semi = ByteText.indexOf(a, (byte) ';', p, ve);
            uriEnd = semi < 0 ? ve : semi;
            paramsFrom = uriEnd;
        }
        String user = uriUser(scan.cache, a, ByteText.skipWs(a, uriStart, uriEnd), ByteText.trimEnd(a, uriStart, uriEnd));
        long tag = ParamScan.paramRange(a, paramsFrom, ve, ParamScan.TAG);
        if (from) {
            scan.fromDisplay = display == null || display.isEmpty() ? null : display;
            scan.fromUser = user;
            scan.key(SipSummary.FROM_TAG, tag);
        } else {
            scan.toUser = user;
            scan.key(SipSummary.TO_TAG, tag);
        }
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
