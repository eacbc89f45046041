package dev.parley.decode.sip;

import java.util.Locale;
import java.util.Map;

/**
 * A SIP, SIPS or tel URI (RFC 3261 section 19.1, RFC 3966), parsed leniently. For tel: the number is the user and
 * host is null. Other schemes keep only scheme and raw text. Host keeps IPv6 brackets ("[2001:db8::1]").
 *
 * @param port -1 when absent
 */
public record SipUri(String scheme, String user, String password, String host, int port,
                     Map<String, String> parameters, Map<String, String> headers, String raw) {

    public static SipUri parse(String text) {
        String s = text == null ? "" : text.strip();
        int colon = s.indexOf(':');
        if (colon <= 0) {
            return new SipUri(null, null, null, null, -1, Map.of(), Map.of(), s);
        }
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = s.substring(colon + 1);
        if (scheme.equals("tel")) {
            int semi = rest.indexOf(';');
            return new SipUri(scheme, semi < 0 ? rest : rest.substring(0, semi), null, null, -1,
                    semi < 0 ? Map.of() : Params.parse(rest, semi + 1, ';'), Map.of(), s);
        }
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            return new SipUri(scheme, null, null, null, -1, Map.of(), Map.of(), s);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@', firstOf(rest, ';', '?'));
        if (at < 0) {
            at = rest.indexOf('@');
        }
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int pc = userInfo.indexOf(':');
            user = pc < 0 ? userInfo : userInfo.substring(0, pc);
            password = pc < 0 ? null : userInfo.substring(pc + 1);
            rest = rest.substring(at + 1);
        }
        int hostEnd = firstOf(rest, ';', '?');
        String hostPort = rest.substring(0, hostEnd);
        String host;
        int port = -1;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close < 0 ? hostPort : hostPort.substring(0, close + 1);
            if (close >= 0 && close + 1 < hostPort.length() && hostPort.charAt(close + 1) == ':') {
                port = (int) Params.parseLong(hostPort.substring(close + 2), -1);
            }
        } else {
            int pc = hostPort.lastIndexOf(':');
            host = pc < 0 ? hostPort : hostPort.substring(0, pc);
            if (pc >= 0) {
                port = (int) Math.min(Params.parseLong(hostPort.substring(pc + 1), -1), Integer.MAX_VALUE);
            }
        }
        Map<String, String> parameters = Map.of();
        Map<String, String> headers = Map.of();
        String tail = rest.substring(hostEnd);
        int q = tail.indexOf('?');
        String paramText = q < 0 ? tail : tail.substring(0, q);
        if (paramText.startsWith(";")) {
            parameters = Params.parse(paramText, 1, ';');
        }
        if (q >= 0) {
            headers = Params.parse(tail, q + 1, '&');
        }
        return new SipUri(scheme, user, password, host.isEmpty() ? null : host, port, parameters, headers, s);
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j < 0 ? s.length() : j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    /** The user part, or for URIs without one the whole URI: what the summary calls the From/To user. */
    public String userOrUri() {
        return user == null || user.isEmpty() ? raw : user;
    }

    @Override
    public String toString() {
        return raw;
    }
}
