package dev.parley.session.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.file.OriginReader;
import dev.parley.decode.Limits;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's must-show: the mails Parley takes out of samples/pop3-curl-plain.pcap are byte for byte what curl received
 * (samples/pop3-mails/N.eml), whether re-read from the capture through the origin or kept while loading (the
 * export-mails command is checked by cli.ExportMailsSampleTest).
 */
class SampleMailsTest {
    private static final Path CAPTURE = Path.of("samples", "pop3-curl-plain.pcap");
    private static final Path RECEIVED = Path.of("samples", "pop3-mails");

    @Test
    void mailsReReadThroughTheirOriginEqualWhatCurlReceived() throws Exception {
        CaptureModel model = new CaptureLoader(Limits.DEFAULT, false).load(CAPTURE);
        List<Mail> mails = model.pop3().mails();
        assertThat(mails).extracting(Mail::number).containsExactly(1, 2, 3, 4);
        try (OriginReader reader = new OriginReader(CAPTURE)) {
            for (Mail m : mails) {
                assertThat(m.bytesKept()).isFalse();
                assertThat(m.bytes(reader)).as("mail %d", m.number())
                        .isEqualTo(Files.readAllBytes(RECEIVED.resolve(m.number() + ".eml")));
            }
        }
    }

    @Test
    void mailsKeptWhileLoadingEqualWhatCurlReceived() throws Exception {
        CaptureModel model = new CaptureLoader(Limits.DEFAULT, true).load(CAPTURE);
        for (Mail m : model.pop3().mails()) {
            assertThat(m.bytesKept()).isTrue();
            assertThat(m.bytes(null)).as("mail %d", m.number())
                    .isEqualTo(Files.readAllBytes(RECEIVED.resolve(m.number() + ".eml")));
        }
    }
}
