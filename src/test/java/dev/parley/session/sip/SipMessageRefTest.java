package dev.parley.session.sip;

import static dev.parley.session.sip.TestSip.ALICE;
import static dev.parley.session.sip.TestSip.BOB;
import static dev.parley.session.sip.TestSip.request;
import static dev.parley.session.sip.TestSip.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Flow;
import dev.parley.decode.Origin;
import dev.parley.decode.Transport;
import dev.parley.decode.sip.SipEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flyweight refs over the columnar message table give back exactly what was fed. */
class SipMessageRefTest {

    private final SipCorrelator correlator = new SipCorrelator();

    private SipMessageRef feed(TestSip.Msg m, long frame, Origin origin, byte[] bytes) {
        correlator.accept(new SipEvent(m.summary(), new Flow(Transport.UDP, m.src, m.dst), frame, m.millis * 1000,
                origin, bytes));
        List<SipMessageRef> all = correlator.session(m.callId).messages();
        return all.get(all.size() - 1);
    }

    @Test
    void originsOfEveryShapeComeBackEqual() {
        Origin big = Origin.of(7, 5_000_000_000L, 100);
        Origin farBack = Origin.of(8, 10, 100);
        Origin twoRuns = new Origin.Builder().add(9, 1000, 50).add(10, 2000, 60).build();
        Origin otherFrame = Origin.of(3, 500, 40);
        Origin huge = Origin.of(12, 5_000_000_100L, 70_000);
        Origin inline = Origin.inline(new byte[] {1, 2, 3}, Origin.of(13, 600, 3));
        Origin hugeFrame = Origin.of(1L << 33, 5_000_001_000L, 10);
        byte[] kept = {'S', 'I', 'P'};

        assertThat(feed(request("OPTIONS").at(1), 7, big, null).origin()).isEqualTo(big);
        assertThat(feed(request("OPTIONS").at(2), 8, farBack, kept).origin()).isEqualTo(farBack);
        assertThat(feed(request("OPTIONS").at(3), 10, twoRuns, null).origin()).isEqualTo(twoRuns);
        assertThat(feed(request("OPTIONS").at(4), 11, otherFrame, null).origin()).isEqualTo(otherFrame);
        assertThat(feed(request("OPTIONS").at(5), 12, huge, null).origin()).isEqualTo(huge);
        assertThat(feed(request("OPTIONS").at(6), 13, inline, null).origin()).isEqualTo(inline);
        assertThat(feed(request("OPTIONS").at(7), 1L << 33, hugeFrame, null).origin()).isEqualTo(hugeFrame);
        assertThat(feed(request("OPTIONS").at(8), 14, null, null).origin()).isNull();

        List<SipMessageRef> refs = correlator.session("call-1").messages();
        assertThat(refs).extracting(SipMessageRef::frame).containsExactly(7L, 8L, 10L, 11L, 12L, 13L, 1L << 33, 14L);
        assertThat(refs).extracting(SipMessageRef::timestampNanos)
                .containsExactly(1000L, 2000L, 3000L, 4000L, 5000L, 6000L, 7000L, 8000L);
        assertThat(refs.get(1).bytes()).isSameAs(kept);
        assertThat(refs.get(0).bytes()).isNull();
    }

    @Test
    void theFirstMessageTheFirstRequestAndTheNewestResponseAreKeptAsTheyCome() {
        correlator.accept(response(180, "Ringing", "INVITE").tags("a", "b").flow(BOB, ALICE).at(0).event());
        SipSession s = correlator.session("call-1");
        assertThat(s.firstRequest()).as("only a response so far").isNull();
        assertThat(s.firstMessage()).isEqualTo(s.lastResponse()).isEqualTo(s.messages().get(0));

        correlator.accept(request("BYE").tags("a", "b").at(5).event());
        correlator.accept(response(200, "OK", "BYE").tags("a", "b").flow(BOB, ALICE).at(6).event());
        correlator.accept(request("ACK").tags("a", "b").at(7).event());
        List<SipMessageRef> all = s.messages();
        assertThat(s.firstMessage()).isEqualTo(all.get(0));
        assertThat(s.firstRequest()).isEqualTo(all.get(1));
        assertThat(s.firstRequest().method()).isEqualTo("BYE");
        assertThat(s.lastResponse()).isEqualTo(all.get(2));
        assertThat(s.lastResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void refsAreEqualByMessageNotByIdentity() {
        correlator.accept(request("INVITE").tags("a", null).sdp().at(0).event());
        correlator.accept(response(200, "OK", "INVITE").tags("a", "b").flow(BOB, ALICE).at(5).event());
        SipSession s = correlator.session("call-1");
        SipMessageRef invite = s.messages().get(0);
        SipTransaction tx = s.transactions().get(0);

        assertThat(tx.request()).isEqualTo(invite).hasSameHashCodeAs(invite);
        assertThat(tx.finalResponse()).isEqualTo(s.messages().get(1)).isNotEqualTo(invite);
        assertThat(s.dialogs().get(0).messages()).containsExactly(s.messages().get(1));
        assertThat(invite.transaction()).isEqualTo(tx);
        assertThat(invite.sdp()).isTrue();
        assertThat(invite.statusCode()).isEqualTo(-1);
        assertThat(invite.reasonPhrase()).isNull();
        assertThat(invite.cseq()).isEqualTo(1);
        assertThat(invite.branch()).isEqualTo("z9hG4bK-1");
        assertThat(invite.flow()).isEqualTo(new Flow(Transport.UDP, ALICE, BOB));
        assertThat(s.messages().get(1).toString()).isEqualTo("#1 200 OK (1 INVITE)");
    }

    @Test
    void messagesIsALiveView() {
        correlator.accept(request("OPTIONS").at(0).event());
        List<SipMessageRef> view = correlator.session("call-1").messages();
        correlator.accept(response(200, "OK", "OPTIONS").flow(BOB, ALICE).at(1).event());
        assertThat(view).hasSize(2);
    }

    @Test
    void largeCseqAndManyTagsKeepTheirValues() {
        long big = 5_000_000_000L;
        correlator.accept(request("OPTIONS").cseq(big).at(0).event());
        for (int i = 0; i < 300; i++) { // past the 254 tag slots of a session
            correlator.accept(request("INFO").tags("from-" + i, "to-" + i).cseq(i + 2).branch("b" + i).at(i).event());
        }
        SipSession s = correlator.session("call-1");
        assertThat(s.messages().get(0).cseq()).isEqualTo(big);
        assertThat(s.transactions().get(0).cseq()).isEqualTo(big);
        for (int i = 0; i < 300; i++) {
            SipMessageRef m = s.messages().get(i + 1);
            assertThat(m.fromTag()).isEqualTo("from-" + i);
            assertThat(m.toTag()).isEqualTo("to-" + i);
            assertThat(m.branch()).isEqualTo("b" + i);
        }
        assertThat(s.dialogs()).hasSize(300);
        assertThat(s.dialogs().get(299).localTag()).isEqualTo("from-299");
        assertThat(s.dialogs().get(299).remoteTag()).isEqualTo("to-299");
        assertThat(s.transactions()).hasSize(301);
    }
}
