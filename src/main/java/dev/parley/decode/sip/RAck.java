package dev.parley.decode.sip;

/** RAck of a PRACK (RFC 3262): "rseq cseq method"; numbers -1 when unreadable. */
public record RAck(long rseq, long cseq, String method, int offset, int length) {

    public static RAck parse(HeaderValue value) {
        String[] p = value.text().strip().split("\\s+", 3);
        return new RAck(Params.parseLong(p[0], -1), p.length > 1 ? Params.parseLong(p[1], -1) : -1,
                p.length > 2 ? p[2] : null, value.offset(), value.length());
    }
}
