package dev.parley.decode.sip;

import java.util.Locale;
import java.util.Map;

/**
 * One Via value: "SIP/2.0/UDP host:port;branch=...;received=...;rport".
 *
 * @param protocol  "SIP/2.0"
 * @param transport upper case (UDP, TCP, TLS, SCTP, WS, WSS)
 * @param port      -1 when absent
 */
public record Via(String protocol, String transport, String host, int port, Map<String, String> parameters,
                  int offset, int length) {

    public static Via parse(HeaderValue value) {
        String s = value.text();
        int semi = Params.indexOutside(s, ';', 0, false);
        String head = semi < 0 ? s : s.substring(0, semi);
        Map<String, String> params = semi < 0 ? Map.of() : Params.parse(s, semi + 1, ';');
        // sent-protocol may have spaces around the slashes: "SIP / 2.0 / UDP"
        int slash1 = head.indexOf('/');
        int slash2 = slash1 < 0 ? -1 : head.indexOf('/', slash1 + 1);
        String protocol = null;
        String transport = null;
        String sentBy = head.strip();
        if (slash2 >= 0) {
            protocol = (head.substring(0, slash1).strip() + "/" + head.substring(slash1 + 1, slash2).strip());
            String rest = head.substring(slash2 + 1).strip();
            int sp = 0;
            while (sp < rest.length() && !Character.isWhitespace(rest.charAt(sp))) {
                sp++;
            }
            transport = rest.substring(0, sp).toUpperCase(Locale.ROOT);
            sentBy = rest.substring(sp).strip();
        }
        SipUri hp = SipUri.parse("sip:" + sentBy);
        return new Via(protocol, transport, hp.host(), hp.port(), params, value.offset(), value.length());
    }

    public String branch() {
        return parameters.get("branch");
    }

    public String received() {
        return parameters.get("received");
    }

    /** "" when present without a value (request for rport), the port when filled in, null when absent. */
    public String rport() {
        return parameters.get("rport");
    }

    public String maddr() {
        return parameters.get("maddr");
    }

    /** -1 when absent. */
    public int ttl() {
        return (int) Params.parseLong(parameters.get("ttl"), -1);
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }
}
