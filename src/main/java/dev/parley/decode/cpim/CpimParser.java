package dev.parley.decode.cpim;

import dev.parley.decode.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lenient message/cpim parser; never throws. Accepts LF-only line ends. */
public final class CpimParser {
    private CpimParser() {
    }

    public static CpimMessage parse(Bytes body) {
        List<String> problems = new ArrayList<>();
        List<CpimHeader> headers = new ArrayList<>();
        int p = headerBlock(body, 0, headers);
        if (p < 0) {
            problems.add("no blank line after the CPIM message headers");
            return new CpimMessage(List.copyOf(headers), List.of(), null, Bytes.EMPTY, null, body.length(),
                    List.copyOf(problems));
        }
        List<CpimHeader> inner = new ArrayList<>();
        int c = headerBlock(body, p, inner);
        if (c < 0) {
            problems.add("no blank line after the encapsulated MIME headers");
            c = body.length();
        }
        String type = null;
        for (CpimHeader h : inner) {
            if (h.name().equalsIgnoreCase("Content-Type")) {
                String v = h.value();
                int semi = v.indexOf(';');
                type = (semi < 0 ? v : v.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
                break;
            }
        }
        Bytes content = body.slice(c);
        String text = null;
        if (type == null || type.startsWith("text/") || type.endsWith("+xml") || type.equals("application/xml")) {
            text = new String(content.array(), content.offset(), content.length(), StandardCharsets.UTF_8);
        }
        return new CpimMessage(List.copyOf(headers), List.copyOf(inner), type, content, text, c, List.copyOf(problems));
    }

    /** Reads "Name: value" lines from {@code p} up to a blank line; returns the index after it, -1 when none. */
    private static int headerBlock(Bytes b, int p, List<CpimHeader> out) {
        byte[] a = b.array();
        int base = b.offset();
        int n = b.length();
        while (p < n) {
            int lf = p;
            while (lf < n && a[base + lf] != '\n') {
                lf++;
            }
            int e = lf > p && a[base + lf - 1] == '\r' ? lf - 1 : lf;
            if (e == p) {
                return lf < n ? lf + 1 : n;
            }
            String line = new String(a, base + p, e - p, StandardCharsets.UTF_8);
            int colon = line.indexOf(':');
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !out.isEmpty()) {
                CpimHeader last = out.remove(out.size() - 1);
                out.add(new CpimHeader(last.name(), last.value() + " " + line.strip(), last.offset()));
            } else if (colon > 0) {
                out.add(new CpimHeader(line.substring(0, colon).strip(), line.substring(colon + 1).strip(), p));
            }
            if (lf >= n) {
                return -1;
            }
            p = lf + 1;
        }
        return -1;
    }
}
