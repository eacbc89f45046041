package dev.parley.session.sip;

import static dev.parley.session.sip.TestSip.BOB;
import static dev.parley.session.sip.TestSip.ALICE;
import static dev.parley.session.sip.TestSip.request;
import static dev.parley.session.sip.TestSip.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Eviction past maxCalls across many table pages: kept sessions stay intact, evicted ones leave a shell. */
class SipCorrelatorEvictionTest {

    @Test
    void keptSessionsStayIntactWhileOldPagesAreReleased() {
        Limits limits = new Limits(16 * 1024, 256 * 1024, 1 << 22, 1 << 26, 1 << 23, 4096, 60_000_000_000L, 1024,
                100, 1_000_000);
        SipCorrelator c = new SipCorrelator(limits);
        SipSession first = null;
        int calls = 20_000;
        for (int i = 0; i < calls; i++) {
            String id = "call-" + i;
            c.accept(request("OPTIONS").callId(id).tags("f" + i, null).branch("z9hG4bK" + Integer.toHexString(i))
                    .at(i).event());
            c.accept(response(200, "OK", "OPTIONS").callId(id).tags("f" + i, "t" + i)
                    .branch("z9hG4bK" + Integer.toHexString(i)).flow(BOB, ALICE).at(i).event());
            if (i == 0) {
                first = c.session(id);
            }
        }
        c.finish();

        assertThat(c.statistics().messages()).isEqualTo(2L * calls);
        assertThat(c.statistics().droppedSessions()).isEqualTo(calls - 100);
        List<SipSession> kept = c.sessions();
        assertThat(kept).hasSize(100);
        for (int k = 0; k < kept.size(); k++) {
            int i = calls - 100 + k;
            SipSession s = kept.get(k);
            assertThat(s.callId()).isEqualTo("call-" + i);
            assertThat(c.session("call-" + i)).isSameAs(s);
            assertThat(s.messages()).extracting(SipMessageRef::label).containsExactly("OPTIONS", "200 OK");
            assertThat(s.messages().get(1).toTag()).isEqualTo("t" + i);
            assertThat(s.messages().get(0).index()).isEqualTo(2 * i);
            assertThat(s.transactions()).singleElement().satisfies(t -> {
                assertThat(t.branch()).isEqualTo("z9hG4bK" + Integer.toHexString(i));
                assertThat(t.finalStatus()).isEqualTo(200);
                assertThat(t.retransmissions()).isZero();
            });
        }
        assertThat(c.session("call-0")).isNull();
        assertThat(first.callId()).isEqualTo("call-0");
        assertThat(first.kind()).isEqualTo(SessionKind.OPTIONS);
        assertThat(first.messages()).isEmpty();
        assertThat(first.transactions()).isEmpty();
    }

    @Test
    void anEvictedCallIdComingBackStartsANewSession() {
        Limits limits = new Limits(16 * 1024, 256 * 1024, 1 << 22, 1 << 26, 1 << 23, 4096, 60_000_000_000L, 1024,
                2, 1_000_000);
        SipCorrelator c = new SipCorrelator(limits);
        c.accept(request("OPTIONS").callId("a").branch("z9hG4bK1").at(0).event());
        SipSession a = c.session("a");
        c.accept(request("OPTIONS").callId("b").branch("z9hG4bK2").at(1).event());
        c.accept(request("OPTIONS").callId("c").branch("z9hG4bK3").at(2).event()); // evicts "a"
        assertThat(c.session("a")).isNull();
        c.accept(request("OPTIONS").callId("a").branch("z9hG4bK4").at(3).event()); // evicts "b", "a" is new

        assertThat(c.session("b")).isNull();
        SipSession again = c.session("a");
        assertThat(again).isNotNull().isNotSameAs(a);
        assertThat(again.messages()).singleElement().satisfies(m -> assertThat(m.branch()).isEqualTo("z9hG4bK4"));
        assertThat(c.session("c").callId()).isEqualTo("c");
        assertThat(a.callId()).isEqualTo("a"); // the shell keeps its Call-ID
        assertThat(c.sessions()).extracting(SipSession::callId).containsExactly("c", "a");
        assertThat(c.statistics().droppedSessions()).isEqualTo(2);
    }
}
