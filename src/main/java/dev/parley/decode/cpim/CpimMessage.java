package dev.parley.decode.cpim;

import dev.parley.decode.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A message/cpim body (RFC 3862): message headers, then the encapsulated MIME part's headers and content.
 *
 * @param headers          the CPIM message headers in order (From, To, cc, DateTime, Subject, NS, Require, ...)
 * @param contentHeaders   the inner MIME part's headers
 * @param contentType      inner Content-Type media type, lower case, null when absent
 * @param content          the inner content bytes
 * @param text             the content as text when it is text (text/*, or no type), else null
 * @param contentOffset    offset of the content relative to the CPIM body
 * @param problems         what was malformed
 */
public record CpimMessage(List<CpimHeader> headers, List<CpimHeader> contentHeaders, String contentType,
                          Bytes content, String text, int contentOffset, List<String> problems) {

    /** Value of the first message header of that name (case-insensitive), or null. */
    public String header(String name) {
        for (CpimHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** All values of message headers of that name (Subject, NS and Require may repeat). */
    public List<String> headerValues(String name) {
        List<String> out = new ArrayList<>();
        for (CpimHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                out.add(h.value());
            }
        }
        return out;
    }

    public String from() {
        return header("From");
    }

    public String to() {
        return header("To");
    }

    public String dateTime() {
        return header("DateTime");
    }

    public String subject() {
        return header("Subject");
    }

    public List<String> namespaces() {
        return headerValues("NS");
    }

    public List<String> require() {
        return headerValues("Require");
    }
}
