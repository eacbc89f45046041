package dev.parley.decode.sip;

/** Reads the top Via for the scanner: the transport of its sent-protocol and its branch parameter. */
final class ViaScan {
    private static final byte[] SIP_2_0_SLASH = {'S', 'I', 'P', '/', '2', '.', '0', '/'};

    private ViaScan() {
    }

    /** Parses the first via-parm of the Via value in [vs, ve) into the scan's viaTransport and branch. */
    static void read(HeaderScan scan, byte[] a, int vs, int ve) {
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
