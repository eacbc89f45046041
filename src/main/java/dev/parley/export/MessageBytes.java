package dev.parley.export;

import dev.parley.capture.file.OriginReader;
import dev.parley.session.sip.SipMessageRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** Where exporters get a message's bytes: the copy the loader kept, else a re-read through its origin. */
public final class MessageBytes {
    private MessageBytes() {
    }

    /**
     * Bytes of a message: kept bytes when there are, else read with the reader.
     *
     * @throws UncheckedIOException (from the function) when the capture cannot be read any more
     */
    public static Function<SipMessageRef, byte[]> from(OriginReader reader) {
        return ref -> {
            byte[] kept = ref.bytes();
            if (kept != null) {
                return kept;
            }
            try {
                return reader.read(ref.origin());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
