package dev.parley.view.message;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.decode.Limits;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Messages of the SIPp sample captures, loaded with their bytes kept. */
final class SampleMessages {
    private SampleMessages() {
    }

    static List<SipMessageRef> load(String sample) {
        Path file = Path.of("samples", sample);
        assumeTrue(Files.isRegularFile(file), "sample capture " + file + " not found");
        try {
            CaptureModel m = new CaptureLoader(Limits.DEFAULT, true).load(file);
            List<SipMessageRef> out = new ArrayList<>();
            for (SipSession s : m.sip().sessions()) {
                out.addAll(s.messages());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first request of that method in the sample. */
    static SipMessageRef first(String sample, String method) {
        return nth(sample, method, 0);
    }

    static SipMessageRef nth(String sample, String method, int n) {
        int seen = 0;
        for (SipMessageRef r : load(sample)) {
            if (r.request() && r.method().equals(method) && seen++ == n) {
                return r;
            }
        }
        throw new AssertionError("no " + method + " #" + n + " in " + sample);
    }
}
