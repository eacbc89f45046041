package dev.parley.decode.sdp;

/** "a=rtpmap:8 PCMA/8000[/channels]"; clock rate and channels -1 when absent. */
public record RtpMap(String payloadType, String encoding, int clockRate, int channels) {

    static RtpMap parse(String value) {
        String v = value.strip();
        int sp = v.indexOf(' ');
        if (sp < 0) {
            return new RtpMap(v, null, -1, -1);
        }
        String pt = v.substring(0, sp);
        String[] p = v.substring(sp + 1).strip().split("/");
        return new RtpMap(pt, p[0], p.length > 1 ? number(p[1]) : -1, p.length > 2 ? number(p[2]) : -1);
    }

    private static int number(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(t);
    }
}
