package dev.parley.decode.sip;

/**
 * One Contact value, or the wildcard "*" (address null).
 *
 * @param q       the q parameter, -1 when absent or unreadable
 * @param expires the expires parameter in seconds, -1 when absent
 */
public record Contact(boolean wildcard, NameAddr address, double q, int expires, int offset, int length) {

    public static Contact parse(HeaderValue value) {
        if (value.text().strip().equals("*")) {
            return new Contact(true, null, -1, -1, value.offset(), value.length());
        }
        NameAddr a = NameAddr.parse(value);
        double q = -1;
        String qs = a.parameter("q");
        if (qs != null && !qs.isEmpty() && qs.length() < 8 && qs.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))
                && qs.chars().filter(c -> c == '.').count() <= 1 && qs.charAt(0) != '.') {
            q = Double.parseDouble(qs);
        }
        long exp = Params.parseLong(a.parameter("expires"), -1);
        return new Contact(false, a, q, (int) Math.min(exp, Integer.MAX_VALUE), value.offset(), value.length());
    }
}
