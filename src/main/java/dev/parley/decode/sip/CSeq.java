package dev.parley.decode.sip;

/** CSeq: sequence number (-1 when unreadable) and method. */
public record CSeq(long number, String method, int offset, int length) {

    public static CSeq parse(HeaderValue value) {
        String s = value.text().strip();
        int sp = 0;
        while (sp < s.length() && !Character.isWhitespace(s.charAt(sp))) {
            sp++;
        }
        long n = Params.parseLong(s.substring(0, sp), -1);
        String m = s.substring(sp).strip();
        return new CSeq(n, m.isEmpty() ? null : m, value.offset(), value.length());
    }

    public boolean isValid() {
        return number >= 0 && method != null && method.indexOf(' ') < 0;
    }
}
