package dev.parley.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The sample opened when Parley starts without a file: the capture bundled in the jar, or the source tree's. */
final class SampleCapture {
    static final String RESOURCE = "/samples/sip-call-udp.pcap";

    private SampleCapture() {
    }

    /** A readable path to the sample: the jar's copy in a temporary file, else samples/ of the working directory. */
    static Path locate() {
        try (InputStream in = SampleCapture.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                // a folder of its own, so the window shows the sample's real name
                Path dir = Files.createTempDirectory("parley-sample-");
                dir.toFile().deleteOnExit();
                Path tmp = dir.resolve("sip-call-udp.pcap");
                tmp.toFile().deleteOnExit(); // runs before the folder's (reverse order of registration)
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                return tmp;
            }
        } catch (IOException e) {
            // fall back to the source tree's copy
        }
        return Path.of("samples", "sip-call-udp.pcap");
    }
}
