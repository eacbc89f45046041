package dev.parley.diagram;

import dev.parley.decode.Limits;
import dev.parley.session.CaptureLoader;
import dev.parley.session.LoadProgress;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Loads the SIPp sample captures for ladder tests. */
public final class Samples {
    public static final Function<SipMessageRef, byte[]> KEPT_BYTES = SipMessageRef::bytes;

    private Samples() {
    }

    /** The sessions of samples/NAME, loaded with message bytes kept. */
    public static List<SipSession> sessions(String name) {
        return sessions(Path.of("samples", name));
    }

    /** The sessions of a capture file, loaded with message bytes kept. */
    public static List<SipSession> sessions(Path file) {
        try {
            return new CaptureLoader(Limits.DEFAULT, true)
                    .load(file, LoadProgress.NONE, () -> false).sip().sessions();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ladder of the first call of sip-call-udp.pcap. */
    public static LadderModel firstUdpCall() {
        return LadderModelBuilder.build(sessions("sip-call-udp.pcap").subList(0, 1), LadderOptions.DEFAULT,
                KEPT_BYTES);
    }
}
