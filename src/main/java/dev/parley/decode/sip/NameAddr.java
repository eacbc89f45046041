package dev.parley.decode.sip;

import java.util.Locale;
import java.util.Map;

/**
 * A From/To/Contact/Route style value: optional display name (unquoted), the URI, and header parameters
 * (tag, expires, q...). Both name-addr ("Bob" &lt;sip:bob@b&gt;;tag=1) and addr-spec (sip:bob@b;tag=1) forms.
 */
public record NameAddr(String displayName, SipUri uri, Map<String, String> parameters, int offset, int length) {

    public static NameAddr parse(HeaderValue value) {
        String s = value.text();
        String display = null;
        String uriText;
        int paramsFrom;
        int lt = Params.indexOutside(s, '<', 0, false);
        if (lt >= 0) {
            String d = s.substring(0, lt).strip();
            display = d.isEmpty() ? null : Params.unquote(d);
            int gt = s.indexOf('>', lt);
            uriText = s.substring(lt + 1, gt < 0 ? s.length() : gt);
            paramsFrom = gt < 0 ? s.length() : gt + 1;
        } else {
            int semi = s.indexOf(';');
            uriText = semi < 0 ? s : s.substring(0, semi);
            paramsFrom = semi < 0 ? s.length() : semi;
        }
        int semi = s.indexOf(';', paramsFrom);
        Map<String, String> params = semi < 0 ? Map.of() : Params.parse(s, semi + 1, ';');
        return new NameAddr(display, SipUri.parse(uriText), params, value.offset(), value.length());
    }

    public String tag() {
        return parameters.get("tag");
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }
}
