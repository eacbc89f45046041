package dev.parley.decode.sip;

/** Reads the top Via for the scanner: the transport of its sent-protocol and its branch parameter. */
final class ViaScan {
    private static final byte[] SIP_2_0_SLASH = {'S', 'I', 'P', '/', '2', '.', '0', '/'};

    private ViaScan() {
    }

    /**
     * Parses the first via-parm of the Via value in [vs, ve) into the scan's viaTransport and branch. The usual
     * shape, {@code SIP/2.0/UDP host:port;...;branch=z9hG4bK...} with no comma or quote before the branch's end, is
     * read in one walk over the parameters ({@link #readUsual}); anything else by {@link #readAny}, which gives the
     * same result for the usual shape ({@code UsualShapesTest}). {@code readAny} first searches the whole value for
     * the via-parm's end; the walk stops at the branch: 35 instead of 46 ns a Via, warm (docs/DESIGN-NOTES.md note
     * 34).
     */
    static void read(HeaderScan scan, byte[] a, int vs, int ve) {
        if (!readUsual(scan, a, vs, ve)) {
            readAny(scan, a, vs, ve);
        }
    }

    /** The usual shape, or false having written nothing. */
    static boolean readUsual(HeaderScan scan, byte[] a, int vs, int ve) {
        if (ve - vs <= 8 || !StartLine.isExactly(a, vs, SIP_2_0_SLASH)) {
            return false;
        }
        int ts = vs + 8;
        int te = ts;
        while (te < ve) {
            byte c = a[te];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                break;
            }
            if (c == ';' || c == ',' || c == '"') {
                return false;
            }
            te++;
        }
        if (te == ts) {
            return false;
        }
        // each ';' up to the branch: ",", '"' or a parameter that might be the branch but is not read here -> false
        long branch = -1;
        for (int p = StartLine.indexOfAny(a, (byte) ';', (byte) ',', (byte) '"', te, ve, ve); p < ve;
                p = StartLine.indexOfAny(a, (byte) ';', (byte) ',', (byte) '"', p + 1, ve, ve)) {
            if (a[p] != ';' || p + 1 >= ve) {
                return false;
            }
            int n = a[p + 1];
            if (n == ' ' || n == '\t' || n == '\r' || n == '\n') {
                return false;
            }
            if ((n | 0x20) == 'b') {
                int v = p + 8;
                if (v >= ve || !Names.is(a, p + 1, "branch") || a[p + 7] != '=') {
                    return false;
                }
                byte c = a[v];
                if (c == '"' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    return false;
                }
                branch = (long) v << 32 | ParamScan.valueEnd(a, v, ve);
                break;
            }
        }
        scan.viaTransport = Names.transport(a, ts, te);
        scan.key(SipSummary.BRANCH, branch);
        return true;
    }

    /** Any Via value, the general way. */
    static void readAny(HeaderScan scan, byte[] a, int vs, int ve) {
        int comma = StartLine.indexOf(a, (byte) ',', vs, ve, ve);
        if (comma < ve && StartLine.indexOf(a, (byte) '"', vs, comma, -1) >= 0) {
            // a quoted parameter before the comma: walk it properly
            boolean quoted = false;
            comma = vs;
            while (comma < ve && (a[comma] != ',' || quoted)) {
                if (a[comma] == '"') {
                    quoted = !quoted;
                }
                comma++;
            }
        }
        // sent-protocol: SIP / 2.0 / UDP (spaces allowed around the slashes)
        // the usual "SIP/2.0/" needs no slash search
        boolean plain = comma - vs > 8 && StartLine.isExactly(a, vs, SIP_2_0_SLASH);
        int slash1 = plain ? vs + 3 : ByteText.indexOf(a, (byte) '/', vs, comma);
        int slash2 = plain ? vs + 7 : slash1 < 0 ? -1 : ByteText.indexOf(a, (byte) '/', slash1 + 1, comma);
        int paramsFrom = vs;
        if (slash2 >= 0) {
            int ts = ByteText.skipWs(a, slash2 + 1, comma);
            int te = ts;
            boolean semi = false;
            while (te < comma && a[te] != ' ' && a[te] != '\t' && a[te] != '\r' && a[te] != '\n') {
                semi |= a[te] == ';';
                te++;
            }
            scan.viaTransport = Names.transport(a, ts, te);
            if (plain && !semi) {
                paramsFrom = te; // no ';' before: the branch search can start here
            }
        }
        scan.key(SipSummary.BRANCH, ParamScan.paramRange(a, paramsFrom, comma, ParamScan.BRANCH));
    }
}
