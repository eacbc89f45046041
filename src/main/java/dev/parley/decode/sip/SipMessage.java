package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A fully parsed SIP message (the header tree a user sees), produced on demand by {@link SipParser}. Typed views
 * parse their header when called. Offsets are relative to the bytes given to the parser.
 */
public sealed interface SipMessage permits SipRequest, SipResponse {

    /** The start line text, line end excluded. */
    String startLine();

    /** Offset of the start line (after any keep-alive line ends or junk). */
    int startOffset();

    SipHeaders headers();

    SipBody body();

    List<Anomaly> anomalies();

    /** Request method, or for a response the CSeq method. */
    String method();

    default boolean isRequest() {
        return this instanceof SipRequest;
    }

    default String callId() {
        return headers().value("Call-ID");
    }

    default NameAddr from() {
        HeaderValue v = headers().firstValue("From");
        return v == null ? null : NameAddr.parse(v);
    }

    default NameAddr to() {
        HeaderValue v = headers().firstValue("To");
        return v == null ? null : NameAddr.parse(v);
    }

    default CSeq cseq() {
        HeaderValue v = headers().firstValue("CSeq");
        return v == null ? null : CSeq.parse(v);
    }

    /** Every Via value in order: the first is the top Via. */
    default List<Via> vias() {
        return map(headers().values("Via"), Via::parse);
    }

    default Via topVia() {
        List<HeaderValue> v = headers().values("Via");
        return v.isEmpty() ? null : Via.parse(v.get(0));
    }

    default List<Contact> contacts() {
        return map(headers().values("Contact"), Contact::parse);
    }

    default List<NameAddr> routes() {
        return map(headers().values("Route"), NameAddr::parse);
    }

    default List<NameAddr> recordRoutes() {
        return map(headers().values("Record-Route"), NameAddr::parse);
    }

    default List<DigestCredentials> authorizations() {
        return map(whole("Authorization"), DigestCredentials::parse);
    }

    default List<DigestCredentials> proxyAuthorizations() {
        return map(whole("Proxy-Authorization"), DigestCredentials::parse);
    }

    default List<DigestChallenge> wwwAuthenticates() {
        return map(whole("WWW-Authenticate"), DigestChallenge::parse);
    }

    default List<DigestChallenge> proxyAuthenticates() {
        return map(whole("Proxy-Authenticate"), DigestChallenge::parse);
    }

    default RSeq rseq() {
        HeaderValue v = headers().firstValue("RSeq");
        return v == null ? null : RSeq.parse(v);
    }

    default RAck rack() {
        HeaderValue v = headers().firstValue("RAck");
        return v == null ? null : RAck.parse(v);
    }

    /** Option tags of Supported (compact k). */
    default List<String> supported() {
        return map(headers().values("Supported"), HeaderValue::text);
    }

    default List<String> require() {
        return map(headers().values("Require"), HeaderValue::text);
    }

    /** Content-Type media type in lower case without parameters, or null. */
    default String contentType() {
        return BodyParser.mediaType(headers().value("Content-Type"));
    }

    /** Declared Content-Length, -1 when absent or invalid. */
    default int contentLength() {
        return (int) Math.min(Params.parseLong(headers().value("Content-Length"), -1), Integer.MAX_VALUE);
    }

    /** Expires header, else the expires parameter of the first Contact; -1 when absent. */
    default int expires() {
        long e = Params.parseLong(headers().value("Expires"), -1);
        if (e >= 0) {
            return (int) Math.min(e, Integer.MAX_VALUE);
        }
        List<Contact> c = contacts();
        return c.isEmpty() ? -1 : c.get(0).expires();
    }

    /** User-Agent, else Server. */
    default String userAgent() {
        String ua = headers().value("User-Agent");
        return ua != null ? ua : headers().value("Server");
    }

    private List<HeaderValue> whole(String name) {
        List<HeaderValue> out = new ArrayList<>();
        for (SipHeader h : headers().get(name)) {
            out.add(new HeaderValue(h.value(), h.valueOffset(), h.offset() + h.length() - h.valueOffset()));
        }
        return out;
    }

    private static <T, R> List<R> map(List<T> in, Function<T, R> f) {
        List<R> out = new ArrayList<>(in.size());
        for (T t : in) {
            out.add(f.apply(t));
        }
        return out;
    }
}
