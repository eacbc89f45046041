package dev.parley.view.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.capture.file.OriginReader;
import dev.parley.capture.live.CaptureOptions;
import dev.parley.capture.live.CaptureStats;
import dev.parley.capture.live.LiveCapture;
import dev.parley.capture.live.Privileges;
import dev.parley.decode.Limits;
import dev.parley.decode.pop3.Pop3Exchange;
import dev.parley.decode.pop3.SaslStep;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.LoadProgress;
import dev.parley.session.pop3.AuthMethod;
import dev.parley.session.pop3.Mail;
import dev.parley.session.pop3.MailboxEntry;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.sip.CallState;
import dev.parley.session.sip.SipSession;
import dev.parley.testsupport.PrivateDovecot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live capture end to end with POP3 beside SIP (issue 5's must-show, the mail half; LiveCaptureSippTest has the SIP
 * details): captures on loopback while curl fetches mail from a private Dovecot and SIPp places calls at the same
 * time, and checks that Parley sees exactly the POP3 sessions and calls made: users, the commands curl sent (read
 * from its trace), the mails byte for byte as curl saved them, STAT and LIST figures from the maildir, and no drops.
 * The server's port is above 20000, so Parley must recognise POP3 off port 110 by the client's first command.
 * Runs in CI (root); skips, saying why, without capture permission, Dovecot, curl or SIPp.
 */
class LivePop3CaptureTest {
    private static final int CALLS = 3;
    private static final String ALICE = "alice";
    private static final String ALICE_PASSWORD = "Wonderland-42";
    private static final String BOB = "bob";
    private static final String BOB_PASSWORD = "builder";

    @TempDir
    Path dir;

    private PrivateDovecot dovecot;
    private LiveCapture live;
    private Process uas;

    @BeforeAll
    static void needsToolsAndPermission() {
        assumeTrue(PrivateDovecot.binary() != null,
                "dovecot is not installed (Debian package dovecot-pop3d): live POP3 capture test skipped");
        assumeTrue(Curl.binary() != null, "curl is not installed: live POP3 capture test skipped");
        assumeTrue(Sipp.binary() != null, "sipp is not installed (Debian package sip-tester): live capture test "
                + "skipped");
        Privileges p = Privileges.current();
        assumeTrue(p.canCapture(), "no capture permission, live POP3 capture test skipped: " + p.advice());
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (uas != null) {
            uas.destroy();
            if (!uas.waitFor(5, TimeUnit.SECONDS)) {
                uas.destroyForcibly();
            }
        }
        if (live != null) {
            live.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void seesExactlyThePop3SessionsCurlMakesBesideSippCalls() throws Exception {
        List<byte[]> mails = List.of(textMail(), attachmentMail(), shortMail());
        dovecot = PrivateDovecot.start(dir.resolve("dovecot"), PrivateDovecot.users(ALICE, ALICE_PASSWORD, BOB,
                BOB_PASSWORD), Map.of(ALICE, mails.subList(0, 2), BOB, mails));
        int pop3Port = dovecot.port();
        int uasPort = Sipp.freeUdpPort();
        int uacPort = Sipp.freeUdpPort();
        live = LiveCapture.start(CaptureOptions.of("lo").withFilter("tcp port " + pop3Port + " or udp port "
                + uasPort).withSpoolRoot(dir));
        Path spoolFile = live.spoolFiles().get(0);
        LiveCapture capture = live;
        CompletableFuture<CaptureModel> loaded = CompletableFuture.supplyAsync(() -> {
            try {
                return new CaptureLoader(Limits.DEFAULT, false).load(capture.frames(), spoolFile, LoadProgress.NONE,
                        () -> false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        uas = Sipp.uas(dir, uasPort);
        Thread.sleep(300); // the UAS binds its port

        // the calls go on while curl fetches mail
        CompletableFuture<Integer> calls = CompletableFuture.supplyAsync(() -> {
            try {
                return Sipp.uac(dir, uasPort, uacPort, CALLS, 5);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        String url = "pop3://127.0.0.1:" + pop3Port + "/";
        // alice, AUTH PLAIN, one connection: LIST, RETR 1, RETR 2 (curl -o writes each mail as received: CRLF,
        // dot-unstuffed)
        List<String> a = List.of("-u", ALICE + ":" + ALICE_PASSWORD, "--login-options", "AUTH=PLAIN");
        List<String> aliceArgs = new ArrayList<>(a);
        aliceArgs.addAll(List.of(url, "-o", "list.txt", "--next"));
        aliceArgs.addAll(a);
        aliceArgs.addAll(List.of(url + "1", "-o", "1.eml", "--next"));
        aliceArgs.addAll(a);
        aliceArgs.addAll(List.of(url + "2", "-o", "2.eml"));
        Path aliceTrace = dir.resolve("alice.trace");
        assertThat(Curl.run(dir, "alice", aliceTrace, aliceArgs)).as("curl exit code, see alice.out").isZero();
        // bob, APOP: STAT only
        Path bobTrace = dir.resolve("bob.trace");
        assertThat(Curl.run(dir, "bob", bobTrace, List.of("-u", BOB + ":" + BOB_PASSWORD, "--login-options",
                "AUTH=+APOP", "-X", "STAT", "-I", url, "-o", "stat.txt"))).as("curl exit code, see bob.out").isZero();

        assertThat(calls.get(90, TimeUnit.SECONDS)).as("sipp uac exit code (0: all calls succeeded); see "
                + dir.resolve("uac.out")).isZero();
        awaitQuiet(live);
        live.stop();
        CaptureModel model = loaded.get(30, TimeUnit.SECONDS);

        CaptureStats stats = live.stats();
        assertThat(stats.kernelDrops()).as("kernel drops").isZero();
        assertThat(stats.parleyDrops()).as("Parley drops").isZero();
        assertThat(stats.written()).isEqualTo(stats.received()).isEqualTo(model.frames());

        // what curl saved is what the maildir holds (Dovecot sends CRLF line ends)
        assertThat(Files.readAllBytes(dir.resolve("1.eml"))).isEqualTo(crlf(mails.get(0)));
        assertThat(Files.readAllBytes(dir.resolve("2.eml"))).isEqualTo(crlf(mails.get(1)));

        List<Pop3Session> sessions = model.pop3().sessions();
        assertThat(sessions).as("POP3 sessions on port %d", pop3Port).extracting(Pop3Session::user)
                .containsExactly(ALICE, BOB);
        Pop3Session alice = sessions.get(0);
        Pop3Session bob = sessions.get(1);
        for (Pop3Session s : sessions) {
            assertThat(s.server().port()).isEqualTo(pop3Port);
            assertThat(s.login().succeeded()).as(s.user()).isTrue();
            assertThat(s.reachedUpdate()).as(s.user() + " QUIT answered in TRANSACTION").isTrue();
            assertThat(s.deletionsCommitted()).isTrue();
            assertThat(s.closed()).isTrue();
            assertThat(s.anomalies()).as(s.user()).isEmpty();
            for (Pop3Exchange e : s.exchanges()) {
                assertThat(e.reply()).as(s.user() + " " + e.verb()).isNotNull();
                assertThat(e.reply().ok()).as(s.user() + " " + e.verb() + ": " + e.reply().text()).isTrue();
            }
        }
        // the lines curl sent, in order (QUIT: curl sends it on closing, after its trace ends; Dovecot's log
        // below confirms both QUITs arrived)
        List<String> aliceSent = withQuit(Curl.sentLines(aliceTrace));
        assertThat(sent(alice)).isEqualTo(aliceSent);
        assertThat(alice.commandCount()).isEqualTo(commands(aliceSent)).isEqualTo(6); // CAPA AUTH LIST RETR RETR QUIT
        List<String> bobSent = withQuit(Curl.sentLines(bobTrace));
        assertThat(sent(bob)).isEqualTo(bobSent);
        assertThat(bob.commandCount()).isEqualTo(commands(bobSent)).isEqualTo(4); // CAPA APOP STAT QUIT
        assertThat(dovecot.log().lines().filter(l -> l.contains("Disconnected: Logged out"))).hasSize(2);

        assertThat(alice.login().method()).isEqualTo(AuthMethod.PLAIN);
        assertThat(alice.login().password()).isEqualTo(ALICE_PASSWORD);
        assertThat(bob.login().method()).isEqualTo(AuthMethod.APOP);
        assertThat(bob.login().apopTimestamp()).isEqualTo(bob.apopTimestamp()).isNotNull();

        // LIST and STAT figures are the maildir's, counted with CRLF line ends
        assertThat(alice.mailbox()).extracting(MailboxEntry::size).containsExactly((long) crlf(mails.get(0)).length,
                (long) crlf(mails.get(1)).length);
        assertThat(bob.maildropMessages()).isEqualTo(mails.size());
        assertThat(bob.maildropOctets()).isEqualTo(mails.stream().mapToLong(m -> crlf(m).length).sum());

        // the mails, re-read from the spool through their origins, are byte for byte what curl saved
        assertThat(bob.mails()).isEmpty();
        assertThat(alice.mails()).extracting(Mail::number).containsExactly(1, 2);
        try (OriginReader reader = new OriginReader(spoolFile)) {
            for (Mail m : alice.mails()) {
                assertThat(m.complete()).isTrue();
                assertThat(m.partial()).isFalse();
                assertThat(m.bytes(reader)).as("mail %d", m.number())
                        .isEqualTo(Files.readAllBytes(dir.resolve(m.number() + ".eml")));
            }
        }

        // the calls made at the same time, in the same capture
        List<SipSession> sip = model.sip().sessions();
        assertThat(sip).hasSize(CALLS);
        for (SipSession s : sip) {
            assertThat(s.call()).as(s.callId()).isNotNull();
            assertThat(s.call().state()).as(s.callId()).isEqualTo(CallState.COMPLETED);
        }
    }

    /** Waits until no packet arrived for a moment (the last ACKs and FINs after curl and SIPp exit), at most 5 s. */
    private static void awaitQuiet(LiveCapture live) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long seen = -1;
        while (System.nanoTime() < deadline) {
            long now = live.stats().received();
            if (now == seen) {
                return;
            }
            seen = now;
            Thread.sleep(250);
        }
    }

    /** The client lines Parley saw, tagged as {@link Curl#sentLines} tags curl's. */
    private static List<String> sent(Pop3Session s) {
        List<String> out = new ArrayList<>();
        for (Pop3Exchange e : s.exchanges()) {
            if (e.command() != null) {
                String arg = e.command().argument();
                out.add("C " + e.command().rawVerb() + (arg.isEmpty() ? "" : " " + arg));
            }
            for (SaslStep step : e.sasl()) {
                if (!step.fromServer()) {
                    out.add("S " + step.text());
                }
            }
        }
        return out;
    }

    private static List<String> withQuit(List<String> traced) {
        List<String> out = new ArrayList<>(traced);
        out.add("C QUIT");
        return out;
    }

    private static int commands(List<String> sent) {
        return (int) sent.stream().filter(l -> l.startsWith("C ")).count();
    }

    /** LF line ends to CRLF, as POP3 carries them. */
    private static byte[] crlf(byte[] lf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lf.length + lf.length / 20);
        for (byte b : lf) {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    /** Lines starting with dots: the server stuffs them, curl and Parley must unstuff them. */
    private static byte[] textMail() {
        return """
                From: Bob <bob@example.test>
                To: Alice <alice@example.test>
                Subject: dots
                Date: Sat, 21 Nov 2026 10:00:00 +0000
                Message-ID: <dots.1@example.test>

                A line with a single dot follows, then one with two.
                .
                ..
                .leading dot
                The end.
                """.getBytes(StandardCharsets.US_ASCII);
    }

    /** A MIME mail of about 150 KB: its RETR reply spans many TCP segments. */
    private static byte[] attachmentMail() {
        byte[] payload = new byte[110_000];
        new Random(5).nextBytes(payload);
        String body = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(payload);
        return ("""
                From: Carol <carol@example.test>
                To: Alice <alice@example.test>
                Subject: attachment
                Date: Sat, 21 Nov 2026 11:00:00 +0000
                Message-ID: <attachment.2@example.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=us-ascii

                See the attached data.
                --b1
                Content-Type: application/octet-stream; name="data.bin"
                Content-Transfer-Encoding: base64
                Content-Disposition: attachment; filename="data.bin"

                """ + body + "\n--b1--\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] shortMail() {
        return """
                From: Dave <dave@example.test>
                To: Bob <bob@example.test>
                Subject: short

                Hi.
                """.getBytes(StandardCharsets.US_ASCII);
    }
}
