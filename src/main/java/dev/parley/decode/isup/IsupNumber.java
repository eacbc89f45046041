package dev.parley.decode.isup;

/**
 * A called or calling party number (ITU-T Q.763 sections 3.9 and 3.10).
 *
 * @param digits             address signals as hex digits, low nibble first ("0"-"9", "B"/"C" for codes 11/12,
 *                           "F" for ST), the filler nibble of an even count dropped
 * @param odd                odd/even indicator: true when the number of address signals is odd
 * @param natureOfAddress    nature of address indicator (1 subscriber, 2 unknown, 3 national, 4 international)
 * @param numberingPlan      numbering plan indicator (1 = E.164)
 * @param presentation       calling number: presentation restricted indicator (0 allowed, 1 restricted), else -1
 * @param screening          calling number: screening indicator, else -1
 */
public record IsupNumber(String digits, boolean odd, int natureOfAddress, int numberingPlan, int presentation,
                         int screening) {

    public String natureOfAddressName() {
        switch (natureOfAddress) {
            case 1: return "subscriber number";
            case 2: return "unknown";
            case 3: return "national (significant) number";
            case 4: return "international number";
            default: return "spare/reserved (" + natureOfAddress + ")";
        }
    }

    static IsupNumber parse(byte[] a, int p, int len, boolean calling) {
        if (len < 2) {
            return null;
        }
        boolean odd = (a[p] & 0x80) != 0;
        int nai = a[p] & 0x7f;
        int npi = (a[p + 1] >> 4) & 0x07;
        int presentation = calling ? (a[p + 1] >> 2) & 0x03 : -1;
        int screening = calling ? a[p + 1] & 0x03 : -1;
        StringBuilder digits = new StringBuilder((len - 2) * 2);
        for (int i = p + 2; i < p + len; i++) {
            digits.append(Character.toUpperCase(Character.forDigit(a[i] & 0x0f, 16)));
            boolean last = i == p + len - 1;
            if (!(last && odd)) {
                digits.append(Character.toUpperCase(Character.forDigit((a[i] >> 4) & 0x0f, 16)));
            }
        }
        return new IsupNumber(digits.toString(), odd, nai, npi, presentation, screening);
    }
}
