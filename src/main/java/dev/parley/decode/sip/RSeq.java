package dev.parley.decode.sip;

/** RSeq of a reliable provisional response (RFC 3262); -1 when unreadable. */
public record RSeq(long number, int offset, int length) {

    public static RSeq parse(HeaderValue value) {
        return new RSeq(Params.parseLong(value.text(), -1), value.offset(), value.length());
    }
}
