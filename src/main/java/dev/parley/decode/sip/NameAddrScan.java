package dev.parley.decode.sip;

/**
 * Reads the From and To headers for the scanner: display name (From only), URI user part and tag, written straight
 * into the {@link HeaderScan} as ranges, so that nothing is allocated: the summary keeps their bytes and makes the
 * Strings when asked (see {@link SipSummary#keys}).
 */
final class NameAddrScan {
    private NameAddrScan() {
    }

    /**
     * Parses the name-addr (or bare addr-spec) in [vs, ve) of a From ({@code from}) or To header. The usual shapes,
     * {@code <sip:user@host>;tag=x} and {@code "Name" <sip:user@host>;tag=x}, are read in one forward walk
     * ({@link #readUsual}); the rest, and any usual-looking value that turns out otherwise, by {@link #readAny}, which
     * gives the same ranges for the usual shapes ({@code UsualShapesTest} holds the two to that on thousands of
     * variants). Warm, on the synthetic capture's values, a From took 27 instead of 40 ns and a To 22 instead of 34
     * (docs/DESIGN-NOTES.md note 34).
     */
    static void read(HeaderScan scan, byte[] a, int vs, int ve, boolean from) {
        if (!readUsual(scan, a, vs, ve, from)) {
            readAny(scan, a, vs, ve, from);
        }
    }

    /**
     * The usual shapes, or false having written nothing: a quoted display name or none, then {@code <}, a URI whose
     * scheme is not tel with a user part ({@code @} before any {@code ; ? >}), {@code >}.
     */
    static boolean readUsual(HeaderScan scan, byte[] a, int vs, int ve, boolean from) {
        if (vs >= ve) {
            return false;
        }
        int lt = vs;
        int q = -1;
        if (a[vs] == '"') {
            q = vs + 1;
            while (q < ve && a[q] != '"') {
                if (a[q] == '\\') {
                    q++;
                }
                q++;
            }
            if (q >= ve) {
                return false;
            }
            lt = q + 1;
            while (lt < ve && a[lt] == ' ') {
                lt++;
            }
        }
        if (lt >= ve || a[lt] != '<') {
            return false;
        }
        // the scheme: up to the first ':', no '>' or white space before it, and not "tel"
        int colon = lt + 1;
        while (colon < ve && a[colon] != ':') {
            byte c = a[colon];
            if (c == '>' || c == ' ' || c == '\t') {
                return false;
            }
            colon++;
        }
        if (colon >= ve || colon == lt + 1 || colon - lt - 1 == 3 && ByteText.lower(a, lt + 1) == 't') {
            return false;
        }
        // the user part: up to '@', a password after a ':' left out
        int at = colon + 1;
        int password = -1;
        while (at < ve) {
            byte c = a[at];
            if (c == '@') {
                break;
            }
            if (c == ';' || c == '?' || c == '>') {
                return false;
            }
            if (c == ':' && password < 0) {
                password = at;
            }
            at++;
        }
        if (at >= ve) {
            return false;
        }
        int gt = StartLine.indexOf(a, (byte) '>', at + 1, ve, -1);
        if (gt < 0) {
            return false;
        }
        long tag = tag(a, gt + 1, ve);
        int userEnd = password < 0 ? at : password;
        long user = (long) (colon + 1) << 32 | userEnd;
        if (from) {
            if (q >= 0) {
                scan.key(SipSummary.FROM_DISPLAY_QUOTED, (long) (vs + 1) << 32 | q);
            }
            scan.key(SipSummary.FROM_USER, user);
            scan.key(SipSummary.FROM_TAG, tag);
        } else {
            scan.key(SipSummary.TO_USER, user);
            scan.key(SipSummary.TO_TAG, tag);
        }
        return true;
    }

    /** The tag after the {@code >}: ";tag=value" straight away read here, anything else by ParamScan. */
    private static long tag(byte[] a, int p, int ve) {
        if (p + 5 < ve && a[p] == ';' && (a[p + 1] | 0x20) == 't' && (a[p + 2] | 0x20) == 'a'
                && (a[p + 3] | 0x20) == 'g' && a[p + 4] == '=') {
            int vs = p + 5;
            byte c = a[vs];
            if (c != '"' && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return (long) vs << 32 | ParamScan.valueEnd(a, vs, ve);
            }
        }
        return ParamScan.paramRange(a, p, ve, ParamScan.TAG);
    }

    /** Any name-addr or addr-spec, the general way. */
    static void readAny(HeaderScan scan, byte[] a, int vs, int ve, boolean from) {
        int p = vs;
        long display = -1; // range of the display name
        boolean quoted = false;
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
                display = (long) (p + 1) << 32 | Math.max(p + 1, Math.min(q, ve));
                quoted = true;
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
                    display = de > p ? (long) p << 32 | de : -1;
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
        long user = uriUser(a, ByteText.skipWs(a, uriStart, uriEnd), ByteText.trimEnd(a, uriStart, uriEnd));
        long tag = ParamScan.paramRange(a, paramsFrom, ve, ParamScan.TAG);
        if (from) {
            scan.key(quoted ? SipSummary.FROM_DISPLAY_QUOTED : SipSummary.FROM_DISPLAY_TOKEN, display);
            scan.key(SipSummary.FROM_USER, user);
            scan.key(SipSummary.FROM_TAG, tag);
        } else {
            scan.key(SipSummary.TO_USER, user);
            scan.key(SipSummary.TO_TAG, tag);
        }
    }

    /**
     * Range (start << 32 | end, as {@link ParamScan#paramRange}) of the user part of a sip/sips URI, the number of a
     * tel URI, else the whole URI; -1 when there is none.
     */
    static long uriUser(byte[] a, int s, int e) {
        if (s >= e) {
            return -1;
        }
        int colon = ByteText.indexOf(a, (byte) ':', s, e);
        if (colon < 0) {
            return range(s, e);
        }
        int schemeLength = colon - s;
        if (schemeLength == 3 && ByteText.lower(a, s) == 't' && ByteText.lower(a, s + 1) == 'e'
                && ByteText.lower(a, s + 2) == 'l') {
            int semi = ByteText.indexOf(a, (byte) ';', colon + 1, e);
            return range(colon + 1, semi < 0 ? e : semi);
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
            return range(s, e);
        }
        int ue = ByteText.indexOf(a, (byte) ':', colon + 1, at);
        return range(colon + 1, ue < 0 ? at : ue);
    }

    /** [s, e) packed; an empty range when e is before s (its text is "", as ByteText.text gives). */
    private static long range(int s, int e) {
        return (long) s << 32 | Math.max(s, e);
    }
}
