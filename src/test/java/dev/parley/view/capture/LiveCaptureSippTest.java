package dev.parley.view.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.capture.file.CaptureFiles;
import dev.parley.capture.live.CaptureOptions;
import dev.parley.capture.live.CaptureStats;
import dev.parley.capture.live.LiveCapture;
import dev.parley.capture.live.Privileges;
import dev.parley.capture.live.SaveFormat;
import dev.parley.decode.Limits;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.sip.CallState;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live capture end to end (here in the view layer's tests because it spans capture and session): captures on loopback while SIPp places real calls, through the same loading path as files, and checks that
 * Parley sees exactly the calls made. Runs in CI (root); skips, saying why, without capture permission or SIPp.
 */
class LiveCaptureSippTest {
    private static final int CALLS = 5;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSippAndPermission() {
        assumeTrue(Sipp.binary() != null, "sipp is not installed (Debian package sip-tester): live capture test skipped");
        Privileges p = Privileges.current();
        assumeTrue(p.canCapture(), "no capture permission, live capture test skipped: " + p.advice());
    }

    @Test
    void seesExactlyTheCallsSippPlaces() throws Exception {
        int uasPort = Sipp.freeUdpPort();
        int uacPort = Sipp.freeUdpPort();
        CaptureOptions options = CaptureOptions.of("lo").withFilter("udp port " + uasPort).withSpoolRoot(dir);
        AtomicInteger progressCalls = new AtomicInteger();
        List<Integer> sessionsSeenLive = new ArrayList<>();
        try (LiveCapture live = LiveCapture.start(options)) {
            Path spoolFile = live.spoolFiles().get(0);
            CompletableFuture<CaptureModel> loaded = CompletableFuture.supplyAsync(() -> {
                try {
                    return new CaptureLoader(Limits.DEFAULT, false).load(live.frames(), spoolFile,
                            (position, size, frames, sip) -> {
                                progressCalls.incrementAndGet();
                                synchronized (sessionsSeenLive) {
                                    sessionsSeenLive.add(sip.sessions().size());
                                }
                            }, () -> false);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Process uas = Sipp.uas(dir, uasPort);
            try {
                Thread.sleep(300);
                assertThat(Sipp.uac(dir, uasPort, uacPort, CALLS, 10)).as("sipp uac exit code (0: all calls "
                        + "succeeded); see " + dir.resolve("uac.out")).isZero();
                // the loader publishes while the capture runs: sessions appear before the stop
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (lastSeen(sessionsSeenLive) < CALLS && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(lastSeen(sessionsSeenLive)).as("sessions seen before the capture stopped").isEqualTo(CALLS);
            } finally {
                uas.destroy();
                uas.waitFor(5, TimeUnit.SECONDS);
            }
            live.stop();
            CaptureModel model = loaded.get(20, TimeUnit.SECONDS);

            CaptureStats stats = live.stats();
            assertThat(stats.kernelDrops()).isZero();
            assertThat(stats.parleyDrops()).isZero();
            assertThat(stats.written()).isEqualTo(stats.received()).isEqualTo(model.frames());

            List<SipSession> sessions = model.sip().sessions();
            assertThat(sessions).hasSize(CALLS);
            for (SipSession s : sessions) {
                assertThat(s.call()).as(s.callId()).isNotNull();
                assertThat(s.call().state()).as(s.callId()).isEqualTo(CallState.COMPLETED);
                List<String> flow = new ArrayList<>();
                for (SipMessageRef m : s.messages()) {
                    if (m.request() || m.statusCode() != 100) {
                        flow.add(m.request() ? m.method() : m.statusCode() + " " + m.cseqMethod());
                    }
                }
                assertThat(flow).as(s.callId()).containsExactly("INVITE", "180 INVITE", "200 INVITE", "ACK", "BYE",
                        "200 BYE");
            }
            assertThat(sessions.stream().map(SipSession::callId).distinct()).hasSize(CALLS);

            // the spool is an ordinary pcapng the file readers open, and saving it keeps every frame
            Path saved = dir.resolve("saved.pcapng");
            assertThat(live.save(saved, SaveFormat.PCAPNG, null)).isEqualTo(model.frames());
            assertThat(new CaptureLoader().load(saved).sip().sessions()).hasSize(CALLS);
            Path pcap = dir.resolve("saved.pcap");
            assertThat(live.save(pcap, SaveFormat.PCAP, n -> n <= 6)).isEqualTo(6);
            assertThat(countFrames(pcap)).isEqualTo(6);
        }
        assertThat(progressCalls.get()).isPositive();
    }

    private static int lastSeen(List<Integer> seen) {
        synchronized (seen) {
            return seen.isEmpty() ? 0 : seen.get(seen.size() - 1);
        }
    }

    static long countFrames(Path file) throws java.io.IOException {
        long n = 0;
        try (FrameSource s = CaptureFiles.open(file)) {
            Frame f;
            while ((f = s.next()) != null) {
                n++;
            }
        }
        return n;
    }

    @Test
    void spoolIsReadableWhileStillBeingWritten() throws Exception {
        int port = Sipp.freeUdpPort();
        try (LiveCapture live = LiveCapture.start(CaptureOptions.of("lo").withFilter("udp port " + port)
                .withSpoolRoot(dir))) {
            try (java.net.DatagramSocket s = new java.net.DatagramSocket()) {
                byte[] payload = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                for (int i = 0; i < 3; i++) {
                    s.send(new java.net.DatagramPacket(payload, payload.length,
                            java.net.InetAddress.getLoopbackAddress(), port));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (live.stats().written() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // as a kill would leave it: the capture still running, the file read by the ordinary reader
            assertThat(countFrames(live.spoolFiles().get(0))).isEqualTo(3);
            assertThat(Files.size(live.spoolFiles().get(0))).isEqualTo(live.stats().spoolBytes());
        }
    }
}
