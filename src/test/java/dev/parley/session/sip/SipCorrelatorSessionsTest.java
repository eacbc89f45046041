package dev.parley.session.sip;

import static dev.parley.session.sip.TestSip.ALICE;
import static dev.parley.session.sip.TestSip.BOB;
import static dev.parley.session.sip.TestSip.PROXY;
import static dev.parley.session.sip.TestSip.request;
import static dev.parley.session.sip.TestSip.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Limits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SipCorrelatorSessionsTest {

    private final SipCorrelator correlator = new SipCorrelator();

    private void feed(TestSip.Msg... msgs) {
        for (TestSip.Msg m : msgs) {
            correlator.accept(m.event());
        }
        correlator.finish();
    }

    @Test
    void registerChallengedThenAuthorized() {
        feed(request("REGISTER").callId("reg").users("1001", "1001").tags("r1", null).expires(3600)
                        .userAgent("Polycom").flow(ALICE, PROXY).at(0),
                response(401, "Unauthorized", "REGISTER").callId("reg").tags("r1", "s1").flow(PROXY, ALICE).at(5),
                request("REGISTER").callId("reg").users("1001", "1001").tags("r1", null).cseq(2)
                        .branch("z9hG4bK-2").expires(3600).flow(ALICE, PROXY).at(10),
                response(200, "OK", "REGISTER").callId("reg").tags("r1", "s2").cseq(2).branch("z9hG4bK-2")
                        .expires(1800).flow(PROXY, ALICE).at(15));

        SipSession s = correlator.session("reg");
        assertThat(s.kind()).isEqualTo(SessionKind.REGISTRATION);
        assertThat(s.userAgent()).isEqualTo("Polycom");
        assertThat(s.dialogs()).isEmpty();
        SipRegistration r = s.registration();
        assertThat(r.addressOfRecord()).isEqualTo("1001");
        assertThat(r.challenged()).isTrue();
        assertThat(r.authorized()).isTrue();
        assertThat(r.failed()).isFalse();
        assertThat(r.registered()).isTrue();
        assertThat(r.deregistration()).isFalse();
        assertThat(r.expires()).isEqualTo(1800);
        assertThat(r.requestedExpires()).isEqualTo(3600);
        assertThat(r.lastStatus()).isEqualTo(200);
        assertThat(s.transactions()).hasSize(2);
    }

    @Test
    void deRegistrationAndFailure() {
        feed(request("REGISTER").callId("dereg").expires(0).at(0),
                response(200, "OK", "REGISTER").callId("dereg").tags(null, "s").flow(BOB, ALICE).at(3),
                request("REGISTER").callId("fail").expires(600).at(10),
                response(403, "Forbidden", "REGISTER").callId("fail").flow(BOB, ALICE).at(12));

        SipRegistration dereg = correlator.session("dereg").registration();
        assertThat(dereg.deregistration()).isTrue();
        assertThat(dereg.expires()).isZero();
        assertThat(dereg.registered()).isFalse();
        assertThat(dereg.challenged()).isFalse();
        SipRegistration fail = correlator.session("fail").registration();
        assertThat(fail.failed()).isTrue();
        assertThat(fail.registered()).isFalse();
        assertThat(fail.lastReason()).isEqualTo("Forbidden");
    }

    @Test
    void pagerMessageWithTextAndAcceptedDelivery() {
        feed(request("MESSAGE").callId("im").users("alice", "bob").display("Alice").tags("m1", null)
                        .text("hello bob").at(0),
                request("MESSAGE").callId("im").users("alice", "bob").tags("m1", null).text("hello bob").at(500),
                response(202, "Accepted", "MESSAGE").callId("im").tags("m1", "t9").flow(BOB, ALICE).at(510));

        SipSession s = correlator.session("im");
        assertThat(s.kind()).isEqualTo(SessionKind.MESSAGE);
        assertThat(s.pagerMessages()).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo("alice");
            assertThat(p.to()).isEqualTo("bob");
            assertThat(p.fromDisplay()).isEqualTo("Alice");
            assertThat(p.text()).isEqualTo("hello bob");
            assertThat(p.deliveryStatus()).isEqualTo(202);
            assertThat(p.delivered()).isTrue();
        });
        assertThat(s.messages().get(1).resent()).isTrue();
        assertThat(s.dialogs()).isEmpty();
    }

    @Test
    void subscribeAndNotify() {
        feed(request("SUBSCRIBE").callId("sub").tags("s1", null).expires(3600).at(0),
                response(200, "OK", "SUBSCRIBE").callId("sub").tags("s1", "n1").flow(BOB, ALICE).at(5),
                request("NOTIFY").callId("sub").tags("n1", "s1").branch("z9hG4bK-n").flow(BOB, ALICE).at(6),
                response(200, "OK", "NOTIFY").callId("sub").tags("n1", "s1").branch("z9hG4bK-n").at(7));

        SipSession s = correlator.session("sub");
        assertThat(s.kind()).isEqualTo(SessionKind.SUBSCRIPTION);
        assertThat(s.subscription().state()).isEqualTo(SipSubscription.State.ACTIVE);
        assertThat(s.subscription().notifies()).isEqualTo(1);
        assertThat(s.subscription().eventPackage()).isNull(); // no Event header in these messages
        assertThat(s.dialogs()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(SipDialog.State.CONFIRMED);
            assertThat(d.messages()).hasSize(3);
        });
    }

    @Test
    void eventPackageAndSubscriptionStateComeFromTheHeaders() {
        feed(request("SUBSCRIBE").callId("presence").tags("s1", null).event("presence").expires(600).at(0),
                response(202, "Accepted", "SUBSCRIBE").callId("presence").tags("s1", "n1").flow(BOB, ALICE).at(1),
                request("NOTIFY").callId("presence").tags("n1", "s1").branch("z9hG4bK-n1").event("presence")
                        .subscriptionState("pending").flow(BOB, ALICE).at(2),
                request("NOTIFY").callId("presence").tags("n1", "s1").branch("z9hG4bK-n2").event("presence")
                        .subscriptionState("terminated").flow(BOB, ALICE).at(3));
        SipSubscription sub = correlator.session("presence").subscription();
        assertThat(sub.eventPackage()).isEqualTo("presence");
        assertThat(sub.notifies()).isEqualTo(2);
        assertThat(sub.state()).isEqualTo(SipSubscription.State.TERMINATED);
    }

    @Test
    void rejectedAndTerminatedSubscriptions() {
        feed(request("SUBSCRIBE").callId("bad").at(0),
                response(489, "Bad Event", "SUBSCRIBE").callId("bad").flow(BOB, ALICE).at(1),
                request("NOTIFY").callId("gone").tags("n", "s").at(2),
                response(481, "Subscription does not exist", "NOTIFY").callId("gone").tags("n", "s")
                        .flow(BOB, ALICE).at(3));
        assertThat(correlator.session("bad").subscription().state()).isEqualTo(SipSubscription.State.FAILED);
        assertThat(correlator.session("gone").subscription().state()).isEqualTo(SipSubscription.State.TERMINATED);
    }

    @Test
    void kindsFollowTheFirstRequest() {
        feed(request("OPTIONS").callId("o").at(0),
                request("INFO").callId("x").at(1),
                response(200, "OK", "PUBLISH").callId("p").at(2),
                request("BYE").callId("late").tags("a", "b").at(3));
        assertThat(correlator.session("o").kind()).isEqualTo(SessionKind.OPTIONS);
        assertThat(correlator.session("x").kind()).isEqualTo(SessionKind.OTHER);
        assertThat(correlator.session("p").kind()).isEqualTo(SessionKind.SUBSCRIPTION);
        SipSession late = correlator.session("late");
        assertThat(late.kind()).isEqualTo(SessionKind.CALL);
        assertThat(late.call().state()).isEqualTo(CallState.COMPLETED);
        assertThat(late.dialogs()).hasSize(1); // joined mid-dialog
        assertThat(correlator.sessions()).extracting(SipSession::callId).containsExactly("o", "x", "p", "late");
    }

    @Test
    void legsAreLinkedByXCallIdBothWaysInEitherOrder() {
        feed(request("INVITE").callId("leg-a").tags("a", null).at(0),
                request("INVITE").callId("leg-b").tags("b", null).correlationId("leg-a").flow(PROXY, BOB).at(1),
                request("INVITE").callId("leg-d").tags("d", null).correlationId("leg-c").at(2),
                request("INVITE").callId("leg-c").tags("c", null).at(3));

        SipSession a = correlator.session("leg-a");
        SipSession b = correlator.session("leg-b");
        assertThat(a.relatedSessions()).containsExactly(b);
        assertThat(b.relatedSessions()).containsExactly(a);
        assertThat(b.correlationId()).isEqualTo("leg-a");
        assertThat(correlator.session("leg-c").relatedSessions()).containsExactly(correlator.session("leg-d"));
        assertThat(correlator.session("leg-d").relatedSessions()).containsExactly(correlator.session("leg-c"));
    }

    @Test
    void messageWithoutCallIdIsCountedNotKept() {
        feed(request("REGISTER").callId(null).at(0), request("OPTIONS").callId("o").at(1));
        assertThat(correlator.sessions()).extracting(SipSession::callId).containsExactly("o");
        SipStatistics st = correlator.statistics();
        assertThat(st.messages()).isEqualTo(2);
        assertThat(st.callIds()).isEqualTo(1);
        assertThat(st.withoutCallId()).isEqualTo(1);
        assertThat(st.anomalies()).containsEntry(SipCorrelator.MISSING_CALL_ID, 1L);
        assertThat(correlator.anomalies()).singleElement()
                .satisfies(a -> assertThat(a.code()).isEqualTo("sip.call_id.missing"));
    }

    @Test
    void statisticsTotalsInCliShape() {
        feed(request("INVITE").tags("a1", null).at(0),
                request("INVITE").tags("a1", null).at(500),
                response(100, "Trying", "INVITE").flow(BOB, ALICE).at(501),
                response(200, "OK", "INVITE").tags("a1", "b1").flow(BOB, ALICE).at(900),
                request("ACK").tags("a1", "b1").branch("z9hG4bK-2").at(901),
                request("REGISTER").callId("r").anomaly("sip.content_length.invalid").at(1000),
                response(401, "Unauthorized", "REGISTER").callId("r").flow(BOB, ALICE).at(1001));

        SipStatistics st = correlator.statistics();
        Map<String, Object> map = st.toMap();
        assertThat(map).containsOnlyKeys("messages", "resent", "call_ids", "methods", "status_codes", "anomalies");
        assertThat(map.get("messages")).isEqualTo(7L);
        assertThat(map.get("resent")).isEqualTo(1L);
        assertThat(map.get("call_ids")).isEqualTo(2L);
        assertThat(st.methods()).containsExactly(Map.entry("ACK", 1L), Map.entry("INVITE", 2L),
                Map.entry("REGISTER", 1L));
        assertThat(st.statusCodes()).containsExactly(Map.entry("100", 1L), Map.entry("200", 1L),
                Map.entry("401", 1L));
        assertThat(st.anomalies()).containsExactly(Map.entry("sip.content_length.invalid", 1L));
        assertThat(correlator.session("r").anomalies()).hasSize(1);
    }

    @Test
    void oldestCompletedSessionIsEvictedPastMaxCalls() {
        Limits two = new Limits(16 * 1024, 256 * 1024, 1 << 22, 1 << 26, 1 << 23, 4096, 60_000_000_000L, 1024, 2, 1_000_000);
        SipCorrelator small = new SipCorrelator(two);
        small.accept(request("INVITE").callId("open").tags("a", null).at(0).event());
        small.accept(request("OPTIONS").callId("done").at(1).event());
        small.accept(response(200, "OK", "OPTIONS").callId("done").flow(BOB, ALICE).at(2).event());
        small.accept(request("OPTIONS").callId("new").at(3).event());

        assertThat(small.sessions()).extracting(SipSession::callId).containsExactly("open", "new");
        assertThat(small.statistics().droppedSessions()).isEqualTo(1);
        assertThat(small.statistics().callIds()).isEqualTo(3);
        assertThat(small.statistics().toMap()).containsEntry("dropped_sessions", 1L);
    }

    @Test
    void anEvictedSessionsDialogsAndPagerMessagesAreGivenBackAndReusedIntact() {
        Limits one = new Limits(16 * 1024, 256 * 1024, 1 << 22, 1 << 26, 1 << 23, 4096, 60_000_000_000L, 1024, 1, 1_000_000);
        SipCorrelator small = new SipCorrelator(one);
        // a completed call with one dialog, and a pager message, each evicted by the next Call-ID
        small.accept(request("INVITE").callId("old").tags("a", null).at(0).event());
        small.accept(response(200, "OK", "INVITE").callId("old").tags("a", "b").flow(BOB, ALICE).at(1).event());
        small.accept(request("BYE").callId("old").tags("a", "b").cseq(2).branch("z9hG4bK-bye").at(2).event());
        small.accept(request("MESSAGE").callId("im").users("alice", "bob").tags("m", null).text("first").at(3)
                .event());
        small.accept(response(200, "OK", "MESSAGE").callId("im").tags("m", "n").flow(BOB, ALICE).at(4).event());
        // the new call's dialog and the new pager message take the numbers given back
        small.accept(request("INVITE").callId("new").tags("x", null).at(5).event());
        small.accept(response(180, "Ringing", "INVITE").callId("new").tags("x", "y").flow(BOB, ALICE).at(6).event());
        small.accept(request("MESSAGE").callId("im2").users("carol", "dave").tags("p", null).text("second").at(7)
                .event());
        small.finish();

        assertThat(small.statistics().droppedSessions()).isEqualTo(3);
        assertThat(small.session("old")).isNull();
        SipSession im2 = small.session("im2");
        assertThat(im2.pagerMessages()).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo("carol");
            assertThat(p.text()).isEqualTo("second");
            assertThat(p.response()).isNull(); // not the evicted message's answer
            assertThat(p.request().method()).isEqualTo("MESSAGE");
        });
    }

    @Test
    void aSessionKeepsItsDialogsAfterAnotherIsEvicted() {
        Limits two = new Limits(16 * 1024, 256 * 1024, 1 << 22, 1 << 26, 1 << 23, 4096, 60_000_000_000L, 1024, 2, 1_000_000);
        SipCorrelator small = new SipCorrelator(two);
        small.accept(request("INVITE").callId("gone").tags("a", null).at(0).event());
        small.accept(response(486, "Busy Here", "INVITE").callId("gone").tags("a", "b").flow(BOB, ALICE).at(1)
                .event());
        small.accept(request("INVITE").callId("kept").tags("c", null).at(2).event());
        small.accept(response(180, "Ringing", "INVITE").callId("kept").tags("c", "d").flow(BOB, ALICE).at(3).event());
        small.accept(request("INVITE").callId("third").tags("e", null).at(4).event()); // evicts "gone"
        small.accept(response(183, "Session Progress", "INVITE").callId("third").tags("e", "f").flow(BOB, ALICE)
                .at(5).event());
        small.accept(response(200, "OK", "INVITE").callId("kept").tags("c", "d").flow(BOB, ALICE).at(6).event());
        small.finish();

        assertThat(small.sessions()).extracting(SipSession::callId).containsExactly("kept", "third");
        SipDialog kept = small.session("kept").dialogs().get(0);
        assertThat(small.session("kept").dialogs()).hasSize(1);
        assertThat(kept.localTag()).isEqualTo("c");
        assertThat(kept.remoteTag()).isEqualTo("d");
        assertThat(kept.state()).isEqualTo(SipDialog.State.CONFIRMED);
        assertThat(kept.messages()).extracting(SipMessageRef::label).containsExactly("180 Ringing", "200 OK");
        SipDialog third = small.session("third").dialogs().get(0);
        assertThat(third.remoteTag()).isEqualTo("f");
        assertThat(third.state()).isEqualTo(SipDialog.State.EARLY);
        assertThat(third.messages()).extracting(SipMessageRef::label).containsExactly("183 Session Progress");
    }
}
