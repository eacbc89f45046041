package dev.parley.session.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.capture.file.CaptureFiles;
import dev.parley.decode.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text lines of the POP3 captures the tests check credentials in. The POP3 decoder is not in this tree yet, so this
 * takes the TCP payload of each Ethernet/IPv4 frame itself and splits it at CRLF (each POP3 line of these captures
 * sits in one segment; retransmissions repeat a line, and the tests only use the first one).
 */
final class AuthCaptures {
    private AuthCaptures() {
    }

    static Path sample(String name) {
        Path file = Path.of("samples", name);
        assumeTrue(Files.isRegularFile(file), "sample capture " + file + " not found");
        return file;
    }

    /** A corpus file; as session.Corpus: -Dparley.corpus must exist when given, else ../shared/corpus or skip. */
    static Path corpus(String relative) {
        String given = System.getProperty("parley.corpus", "");
        Path root;
        if (!given.isBlank()) {
            root = Path.of(given);
            assertTrue(Files.isDirectory(root), "parley.corpus=" + given + " is not a folder");
        } else {
            root = Path.of("..", "shared", "corpus");
            assumeTrue(Files.isDirectory(root), "corpus not found: pass -Dparley.corpus=PATH (../shared/corpus)");
        }
        return root.resolve(relative);
    }

    /** Every CRLF-ended line of TCP payload, in frame order. */
    static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (FrameSource src = CaptureFiles.open(file)) {
            for (Frame f = src.next(); f != null; f = src.next()) {
                String text = tcpPayload(f.data());
                int from = 0;
                for (int crlf = text.indexOf("\r\n"); crlf >= 0; crlf = text.indexOf("\r\n", from)) {
                    out.add(text.substring(from, crlf));
                    from = crlf + 2;
                }
            }
        }
        return out;
    }

    /** The first line starting with prefix. */
    static String first(List<String> lines, String prefix) {
        return after(lines, 0, prefix);
    }

    /** Index of the first line starting with prefix at or after from. */
    static int indexOf(List<String> lines, int from, String prefix) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }

    static String after(List<String> lines, int from, String prefix) {
        return lines.get(indexOf(lines, from, prefix));
    }

    /** TCP payload of an Ethernet II / IPv4 frame as Latin-1 text, or "" for anything else. */
    private static String tcpPayload(Bytes d) {
        if (d.u16(12) != 0x0800 || d.u8(23) != 6) {
            return "";
        }
        int ip = 14;
        int ipLen = d.u16(ip + 2);
        int tcp = ip + (d.u8(ip) & 0x0f) * 4;
        int data = tcp + ((d.u8(tcp + 12) >> 4) & 0x0f) * 4;
        int end = Math.min(d.length(), ip + ipLen);
        if (data >= end) {
            return "";
        }
        return new String(d.slice(data, end - data).toArray(), StandardCharsets.ISO_8859_1);
    }
}
