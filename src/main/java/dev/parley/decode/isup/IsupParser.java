package dev.parley.decode.isup;

import dev.parley.decode.Bytes;
import java.util.ArrayList;
import java.util.List;

/** Decodes the message type of an ISUP body and, for IAM and REL, the numbers and cause. Never throws. */
public final class IsupParser {
    static final int IAM = 0x01;
    static final int REL = 0x0C;
    static final int CALLING_PARTY_NUMBER = 0x0A;

    private IsupParser() {
    }

    public static IsupMessage parse(Bytes body) {
        byte[] a = body.array();
        int base = body.offset();
        int n = body.length();
        List<String> problems = new ArrayList<>();
        if (n == 0) {
            problems.add("empty ISUP body");
            return new IsupMessage(-1, "NONE", null, null, -1, List.of(), problems);
        }
        int type = a[base] & 0xff;
        IsupNumber called = null;
        IsupNumber calling = null;
        int cause = -1;
        List<Integer> optional = new ArrayList<>();
        if (type == IAM) {
            // fixed: NCI(1) FCI(2) CPC(1) TMR(1); then pointer to called party number, pointer to optional part
            int p = 6;
            if (n < p + 2) {
                problems.add("IAM truncated before its pointers");
            } else {
                int calledAt = p + (a[base + p] & 0xff);
                int optPointer = a[base + p + 1] & 0xff;
                int len = body.u8(calledAt);
                if (len < 0 || calledAt + 1 + len > n) {
                    problems.add("called party number truncated");
                } else {
                    called = IsupNumber.parse(a, base + calledAt + 1, len, false);
                }
                if (optPointer != 0) {
                    int q = p + 1 + optPointer;
                    boolean ended = false;
                    while (q < n) {
                        int code = a[base + q] & 0xff;
                        if (code == 0) {
                            ended = true;
                            break;
                        }
                        int plen = body.u8(q + 1);
                        if (plen < 0 || q + 2 + plen > n) {
                            problems.add("optional parameter 0x" + Integer.toHexString(code) + " truncated");
                            break;
                        }
                        optional.add(code);
                        if (code == CALLING_PARTY_NUMBER && calling == null) {
                            calling = IsupNumber.parse(a, base + q + 2, plen, true);
                        }
                        q += 2 + plen;
                    }
                    if (!ended && (problems.isEmpty() || q >= n)) {
                        problems.add("end of optional parameters missing");
                    }
                }
            }
        } else if (type == REL) {
            // pointer to cause indicators (mandatory variable), then pointer to optional part
            int ptr = body.u8(1);
            int causeAt = 1 + ptr;
            int len = ptr < 0 ? -1 : body.u8(causeAt);
            if (len < 2 || causeAt + 1 + len > n) {
                problems.add("cause indicators truncated");
            } else {
                // octet 1: ext, coding standard, location; octet 2 (or 3 with recommendation): ext + cause value
                int c = causeAt + 2;
                if ((a[base + causeAt + 1] & 0x80) == 0 && len >= 3) {
                    c++;
                }
                cause = a[base + c] & 0x7f;
            }
        }
        return new IsupMessage(type, name(type), called, calling, cause, List.copyOf(optional), List.copyOf(problems));
    }

    /** The Q.763 abbreviation of a message type code. */
    public static String name(int type) {
        switch (type) {
            case 0x01: return "IAM";
            case 0x02: return "SAM";
            case 0x03: return "INR";
            case 0x04: return "INF";
            case 0x05: return "COT";
            case 0x06: return "ACM";
            case 0x07: return "CON";
            case 0x08: return "FOT";
            case 0x09: return "ANM";
            case 0x0C: return "REL";
            case 0x0D: return "SUS";
            case 0x0E: return "RES";
            case 0x10: return "RLC";
            case 0x11: return "CCR";
            case 0x12: return "RSC";
            case 0x13: return "BLO";
            case 0x14: return "UBL";
            case 0x15: return "BLA";
            case 0x16: return "UBA";
            case 0x17: return "GRS";
            case 0x18: return "CGB";
            case 0x19: return "CGU";
            case 0x1A: return "CGBA";
            case 0x1B: return "CGUA";
            case 0x1F: return "FAR";
            case 0x20: return "FAA";
            case 0x21: return "FRJ";
            case 0x24: return "LPA";
            case 0x28: return "PAM";
            case 0x29: return "GRA";
            case 0x2A: return "CQM";
            case 0x2B: return "CQR";
            case 0x2C: return "CPG";
            case 0x2D: return "USR";
            case 0x2E: return "UCIC";
            case 0x2F: return "CFN";
            case 0x30: return "OLM";
            case 0x31: return "CRG";
            case 0x32: return "NRM";
            case 0x33: return "FAC";
            case 0x34: return "UPT";
            case 0x35: return "UPA";
            case 0x36: return "IDR";
            case 0x37: return "IRS";
            case 0x38: return "SGM";
            case 0x40: return "APM";
            default: return "UNKNOWN(0x" + (type < 16 ? "0" : "") + Integer.toHexString(type).toUpperCase() + ")";
        }
    }
}
