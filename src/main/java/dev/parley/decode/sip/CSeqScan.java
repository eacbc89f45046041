package dev.parley.decode.sip;

/** Reads the CSeq header for the scanner: sequence number and method, "sip.cseq.invalid" when malformed. */
final class CSeqScan {
    private CSeqScan() {
    }

    /** Parses the CSeq value in [vs, ve) into the scan's cseq and cseqMethod. */
    static void read(HeaderScan scan, byte[] a, int vs, int ve) {
        int p = vs;
        long n = 0;
        int digits = 0;
        while (p < ve && StartLine.isDigit(a[p]) && digits < 19) {
            n = n * 10 + (a[p] - '0');
            p++;
            digits++;
        }
        int ms = ByteText.skipWs(a, p, ve);
        int me = ms;
        while (me < ve && a[me] != ' ' && a[me] != '\t') {
            me++;
        }
        if (digits == 0 || ms == p || me == ms) {
            scan.anomaly("sip.cseq.invalid", vs - scan.base, "invalid CSeq \"" + ByteText.text(a, vs, ve) + "\"");
        }
        scan.cseq = digits == 0 ? -1 : n;
        scan.cseqMethod = me > ms ? Names.method(a, ms, me - ms) : null;
    }
}
