package dev.parley.decode.sip;

import dev.parley.decode.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The headers of a message in wire order: an ordered multimap keeping each raw line and its offset. Lookups take
 * a full or compact name in any case ("Via", "v", "VIA"). Multi-valued headers are split on commas outside quotes
 * and angle brackets by {@link #values}; only call it for headers whose grammar is a list (Via, Contact, Route...).
 */
public final class SipHeaders {
    private final List<SipHeader> headers;
    private final Bytes message;

    SipHeaders(List<SipHeader> headers, Bytes message) {
        this.headers = List.copyOf(headers);
        this.message = message;
    }

    public List<SipHeader> all() {
        return headers;
    }

    public int size() {
        return headers.size();
    }

    public List<SipHeader> get(String name) {
        String canonical = HeaderNames.canonical(name);
        List<SipHeader> out = new ArrayList<>(2);
        for (SipHeader h : headers) {
            if (h.fullName().equalsIgnoreCase(canonical)) {
                out.add(h);
            }
        }
        return out;
    }

    /** The first header of that name, or null. */
    public SipHeader first(String name) {
        String canonical = HeaderNames.canonical(name);
        for (SipHeader h : headers) {
            if (h.fullName().equalsIgnoreCase(canonical)) {
                return h;
            }
        }
        return null;
    }

    public boolean has(String name) {
        return first(name) != null;
    }

    /** Value of the first header of that name, or null. */
    public String value(String name) {
        SipHeader h = first(name);
        return h == null ? null : h.value();
    }

    /** The first header of that name as one value with its offsets, or null. */
    public HeaderValue firstValue(String name) {
        SipHeader h = first(name);
        return h == null ? null : new HeaderValue(h.value(), h.valueOffset(), h.offset() + h.length() - h.valueOffset());
    }

    /** All values of every header of that name, comma-separated lists split, in order, with their offsets. */
    public List<HeaderValue> values(String name) {
        List<HeaderValue> out = new ArrayList<>();
        for (SipHeader h : get(name)) {
            int from = h.valueOffset();
            int to = h.offset() + h.length();
            String raw = message.slice(from, to - from).latin1();
            for (int[] r : Params.split(raw, 0, raw.length(), ',')) {
                if (r[1] > r[0]) {
                    out.add(new HeaderValue(Quoted.unfold(message.array(), message.offset() + from + r[0],
                            message.offset() + from + r[1]), from + r[0], r[1] - r[0]));
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "SipHeaders" + headers;
    }
}
