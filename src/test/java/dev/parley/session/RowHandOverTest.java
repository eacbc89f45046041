package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.FrameSource;
import dev.parley.capture.file.CaptureFiles;
import dev.parley.decode.Limits;
import dev.parley.decode.ProtocolRegistry;
import dev.parley.decode.link.FrameDecoder;
import dev.parley.decode.sip.SipListener;
import dev.parley.decode.sip.SipProtocol;
import dev.parley.decode.ws.WebSocketSipProtocol;
import dev.parley.session.sip.PagerMessage;
import dev.parley.session.sip.SipCall;
import dev.parley.session.sip.SipCorrelator;
import dev.parley.session.sip.SipRegistration;
import dev.parley.session.sip.SipSession;
import dev.parley.session.sip.SipSubscription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The load's hand-over, where the scanner writes each message as a row of the correlator's batch
 * ({@code decode.sip.SipRowListener}), builds the same model as summaries handed to the correlator one by one: the
 * same statistics, and for every session the same list row, names, call, registration, pager messages and
 * subscription. On every SIP capture of the corpus and the project's samples.
 */
class RowHandOverTest {

    @Test
    void rowsAndSummariesBuildTheSameModel() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> corpus = Files.list(Corpus.path("sip"));
             Stream<Path> samples = Files.list(Path.of("samples"))) {
            Stream.concat(corpus, samples).filter(p -> p.toString().matches(".*\\.pcap(ng)?(\\.gz)?$")).sorted()
                    .forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(30);
        int sessions = 0;
        for (Path file : files) {
            SipCorrelator rows;
            try {
                rows = new CaptureLoader().load(file).sip();
            } catch (IOException e) {
                continue; // a file that is no capture: the readers' tests
            }
            SipCorrelator summaries = bySummaries(file);
            assertThat(summaries.statistics().toString()).as(file.toString())
                    .isEqualTo(rows.statistics().toString());
            List<SipSession> a = rows.sessions();
            List<SipSession> b = summaries.sessions();
            assertThat(b).as(file.toString()).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(describe(i, b.get(i))).as(file + " session " + i).isEqualTo(describe(i, a.get(i)));
            }
            sessions += a.size();
        }
        assertThat(sessions).as("sessions compared").isGreaterThan(100);
    }

    /** The SIP layers as the loader wires them, with a listener that takes summaries, not rows. */
    private static SipCorrelator bySummaries(Path file) throws IOException {
        SipCorrelator correlator = new SipCorrelator();
        AnomalyLog anomalies = new AnomalyLog();
        SipListener listener = correlator::accept;
        SipProtocol sip = new SipProtocol(Limits.DEFAULT, listener, anomalies, false);
        ProtocolRegistry registry = new ProtocolRegistry(
                List.of(sip, new WebSocketSipProtocol(sip, Limits.DEFAULT, anomalies)), anomalies);
        FrameDecoder decoder = new FrameDecoder(Limits.DEFAULT, registry, anomalies);
        try (FrameSource source = CaptureFiles.open(file)) {
            decoder.decodeAll(source);
        }
        correlator.finish();
        return correlator;
    }

    private static List<Object> describe(int index, SipSession s) {
        List<Object> d = new ArrayList<>(List.of(SessionSummary.of(index, s)));
        d.add(s.caller() + "|" + s.callee() + "|" + s.callerDisplay() + "|" + s.userAgent() + "|" + s.reason() + "|"
                + s.correlationId() + "|" + s.anomalies());
        SipCall c = s.call();
        if (c != null) {
            d.add(c.caller() + "|" + c.callee() + "|" + c.callerDisplay() + "|" + c.endedBy() + "|" + c.endReason()
                    + "|" + c.reasonHeader() + "|" + c.reInvites() + "|" + c.timeline());
        }
        SipRegistration r = s.registration();
        if (r != null) {
            d.add(r.addressOfRecord() + "|" + r.expires() + "|" + r.requestedExpires() + "|" + r.challenged() + "|"
                    + r.authorized() + "|" + r.failed() + "|" + r.lastStatus() + "|" + r.lastReason());
        }
        for (PagerMessage m : s.pagerMessages()) {
            d.add(m.from() + "|" + m.to() + "|" + m.fromDisplay() + "|" + m.text() + "|" + m.deliveryStatus());
        }
        SipSubscription sub = s.subscription();
        if (sub != null) {
            d.add(sub.eventPackage() + "|" + sub.state() + "|" + sub.notifies() + "|" + sub.lastStatus());
        }
        return d;
    }
}
