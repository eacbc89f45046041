package dev.parley.session.sip;

import static dev.parley.session.sip.TestSip.ALICE;
import static dev.parley.session.sip.TestSip.BOB;
import static dev.parley.session.sip.TestSip.request;
import static dev.parley.session.sip.TestSip.response;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Quiet Call-IDs settle (docs/DESIGN-NOTES.md note 7): the settling pass runs every {@code SETTLE_EVERY} messages
 * over the sessions still live; a session quiet for {@code SETTLE_AFTER_NANOS} of capture time drops its matching
 * state and takes it up again at its next message, with nothing it showed lost.
 */
class SipCorrelatorSettleTest {
    private static final long SECOND_MS = 1000;

    @Test
    void aQuietCallSettlesAndWakesUpWhole() {
        SipCorrelator c = new SipCorrelator();
        c.accept(request("INVITE").callId("quiet").tags("a1", null).at(0).event());
        c.accept(response(200, "OK", "INVITE").callId("quiet").tags("a1", "b1").flow(BOB, ALICE).at(100).event());
        c.accept(request("ACK").callId("quiet").tags("a1", "b1").branch("z9hG4bK-ack").at(110).event());
        SipSession quiet = c.session("quiet");
        assertThat(quiet.isLive()).isTrue();

        // enough other traffic, 400 s later, for a settling pass to run
        long t = 400 * SECOND_MS;
        for (int i = 0; i < 40_000; i++) {
            c.accept(request("OPTIONS").callId("ping-" + (i % 50)).cseq(i + 1L).branch("z9hG4bK-o" + i).at(t + i)
                    .event());
        }
        assertThat(quiet.isLive()).isFalse();
        assertThat(c.session("ping-0").isLive()).isTrue(); // active within the last 300 s

        c.accept(request("BYE").callId("quiet").tags("a1", "b1").cseq(2).branch("z9hG4bK-bye").at(t + 60_000)
                .event());
        c.accept(response(200, "OK", "BYE").callId("quiet").tags("a1", "b1").cseq(2).branch("z9hG4bK-bye")
                .flow(BOB, ALICE).at(t + 60_010).event());
        c.finish();

        assertThat(quiet.isLive()).isTrue();
        assertThat(quiet.messages()).extracting(SipMessageRef::label)
                .containsExactly("INVITE", "200 OK", "ACK", "BYE", "200 OK");
        assertThat(quiet.transactions()).extracting(SipTransaction::method).containsExactly("INVITE", "ACK", "BYE");
        assertThat(quiet.transactions().get(2).finalStatus()).isEqualTo(200);
        assertThat(quiet.call().state()).isEqualTo(CallState.COMPLETED);
        assertThat(quiet.dialogs()).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(SipDialog.State.TERMINATED));
        assertThat(c.statistics().callIds()).isEqualTo(51);
    }
}
