package dev.parley.view.callflow;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.decode.Limits;
import dev.parley.session.CaptureLoader;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Sessions of the SIPp sample captures, loaded with their message bytes kept. */
final class SampleSessions {
    private SampleSessions() {
    }

    static List<SipSession> load(String sample) {
        Path file = Path.of("samples", sample);
        assumeTrue(Files.isRegularFile(file), "sample capture " + file + " not found");
        try {
            return new CaptureLoader(Limits.DEFAULT, true).load(file).sip().sessions();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipMessageRef first(SipSession s, String label) {
        for (SipMessageRef m : s.messages()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        throw new AssertionError("no " + label + " in " + s);
    }
}
