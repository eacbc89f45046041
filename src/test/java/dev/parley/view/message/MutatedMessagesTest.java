package dev.parley.view.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.file.OriginReader;
import dev.parley.decode.Bytes;
import dev.parley.decode.Limits;
import dev.parley.decode.mime.MimeMessage;
import dev.parley.decode.mime.MimeParser;
import dev.parley.decode.mime.MimePart;
import dev.parley.decode.sip.SipMessage;
import dev.parley.decode.sip.SipParser;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.Corpus;
import dev.parley.session.pop3.Mail;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a user opens on demand never throws on bad bytes: every SIP message and every retrieved mail of the corpus and
 * the samples, mutated the ways hostile or broken traffic is (separators and stray bytes written over the text, runs
 * cut out or repeated, the message cut short; seeded, so a failure replays), is parsed, gets its detail tree (start
 * line, headers with their parameters, SDP, ISUP, CPIM and multipart bodies) and, for a mail, its MIME tree. The
 * loader's side of the same promise is {@code CorruptCaptureTest}'s. A manual run of 5,000 rounds (5 M messages, 340 k
 * mails) found nothing; this keeps 40 of them in the suite.
 */
class MutatedMessagesTest {
    private static final int ROUNDS = 40;
    private static final byte[] WRITTEN_OVER = " :;<>\"\\,=@\r\n\t/?.%-+0123456789abcXYZ()[]{}'*&$#!~|\0\377\200"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void mutatedMessagesAndMailsNeverThrow() throws IOException {
        List<byte[]> messages = new ArrayList<>();
        List<byte[]> mails = new ArrayList<>();
        for (Path capture : captures()) {
            collect(capture, messages, mails);
        }
        assertThat(messages).as("SIP messages found").hasSizeGreaterThan(500);
        assertThat(mails).as("mails found").hasSizeGreaterThan(20);
        Random random = new Random(20261123);
        int trees = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < messages.size(); i++) {
                byte[] b = mutate(messages.get(i), random);
                try {
                    SipMessage m = SipParser.parse(Bytes.of(b));
                    if (m != null) {
                        assertThat(DetailTreeBuilder.build(m, b).children()).isNotEmpty();
                        trees++;
                    }
                } catch (RuntimeException e) {
                    throw new AssertionError("round " + round + ", SIP message " + i + ": " + preview(b), e);
                }
            }
            for (int i = 0; i < mails.size(); i++) {
                byte[] b = mutate(mails.get(i), random);
                try {
                    MimeMessage m = MimeParser.parse(b);
                    for (MimePart p : m.root().flatten()) {
                        assertThat(p.mimeType()).isNotNull();
                        p.attachment();
                    }
                    m.textPart();
                    m.attachments();
                } catch (RuntimeException e) {
                    throw new AssertionError("round " + round + ", mail " + i + ": " + preview(b), e);
                }
            }
        }
        assertThat(trees).as("mutated messages still parsed as SIP").isGreaterThan(ROUNDS * messages.size() / 2);
    }

    private static List<Path> captures() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(Corpus.root(), Path.of("samples"))) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    private static void collect(Path capture, List<byte[]> messages, List<byte[]> mails) throws IOException {
        CaptureModel model = new CaptureLoader(Limits.DEFAULT, true).load(capture);
        try (OriginReader reader = new OriginReader(capture)) {
            for (SipSession s : model.sip().sessions()) {
                for (SipMessageRef ref : s.messages()) {
                    messages.add(ref.bytes() != null ? ref.bytes() : reader.read(ref.origin()));
                }
            }
            for (Mail mail : model.pop3().mails()) {
                mails.add(mail.bytes(reader));
            }
        }
    }

    /** The input's first bytes, for the failure message (the seed replays the rest). */
    private static String preview(byte[] b) {
        return b.length + " bytes, starting " + new String(b, 0, Math.min(b.length, 120), StandardCharsets.ISO_8859_1);
    }

    /** One of: bytes written over (twice as likely), a run cut out, a run repeated, the end cut off. */
    private static byte[] mutate(byte[] in, Random random) {
        int n = in.length;
        if (n == 0) {
            return in;
        }
        int kind = random.nextInt(5);
        if (kind < 2) {
            byte[] b = in.clone();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                b[random.nextInt(n)] = WRITTEN_OVER[random.nextInt(WRITTEN_OVER.length)];
            }
            return b;
        }
        int at = random.nextInt(n);
        if (kind == 2) {
            int len = Math.min(n - at, 1 + random.nextInt(30));
            byte[] b = new byte[n - len];
            System.arraycopy(in, 0, b, 0, at);
            System.arraycopy(in, at + len, b, at, n - at - len);
            return b;
        }
        if (kind == 3) {
            int len = Math.min(n - at, 1 + random.nextInt(80));
            byte[] b = new byte[n + len];
            System.arraycopy(in, 0, b, 0, at + len);
            System.arraycopy(in, at, b, at + len, n - at);
            return b;
        }
        return Arrays.copyOf(in, at);
    }
}
