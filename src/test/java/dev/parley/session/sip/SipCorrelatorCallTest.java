package dev.parley.session.sip;

import static dev.parley.session.sip.TestSip.ALICE;
import static dev.parley.session.sip.TestSip.BOB;
import static dev.parley.session.sip.TestSip.MS;
import static dev.parley.session.sip.TestSip.PROXY;
import static dev.parley.session.sip.TestSip.request;
import static dev.parley.session.sip.TestSip.response;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SipCorrelatorCallTest {

    private final SipCorrelator correlator = new SipCorrelator();

    private void feed(TestSip.Msg... msgs) {
        for (TestSip.Msg m : msgs) {
            correlator.accept(m.event());
        }
        correlator.finish();
    }

    private static TestSip.Msg invite(long at) {
        return request("INVITE").tags("a1", null).sdp().display("Alice").at(at);
    }

    private static TestSip.Msg fromBob(TestSip.Msg m) {
        return m.flow(BOB, ALICE);
    }

    private static List<CallState> states(SipCall call) {
        return call.timeline().stream().map(SipCall.StateChange::state).toList();
    }

    @Test
    void basicCallHasTimingsAndCallerHangsUp() {
        feed(invite(0),
                fromBob(response(100, "Trying", "INVITE")).at(10),
                fromBob(response(180, "Ringing", "INVITE")).tags("a1", "b1").at(100),
                fromBob(response(200, "OK", "INVITE")).tags("a1", "b1").sdp().at(1100),
                request("ACK").tags("a1", "b1").branch("z9hG4bK-2").at(1110),
                request("BYE").tags("a1", "b1").cseq(2).branch("z9hG4bK-3").at(61_110),
                fromBob(response(200, "OK", "BYE")).tags("a1", "b1").cseq(2).branch("z9hG4bK-3").at(61_120));

        SipSession s = correlator.session("call-1");
        assertThat(s.kind()).isEqualTo(SessionKind.CALL);
        assertThat(s.messages()).extracting(SipMessageRef::label)
                .containsExactly("INVITE", "100 Trying", "180 Ringing", "200 OK", "ACK", "BYE", "200 OK");
        assertThat(s.messages()).extracting(SipMessageRef::resent).containsOnly(false);
        SipCall call = s.call();
        assertThat(call.state()).isEqualTo(CallState.COMPLETED);
        assertThat(call.state().displayName()).isEqualTo("COMPLETED");
        assertThat(call.caller()).isEqualTo("alice");
        assertThat(call.callee()).isEqualTo("bob");
        assertThat(call.callerDisplay()).isEqualTo("Alice");
        assertThat(call.callerEndpoint()).isEqualTo(ALICE);
        assertThat(call.calleeEndpoint()).isEqualTo(BOB);
        assertThat(call.postDialDelayNanos()).isEqualTo(100 * MS);
        assertThat(call.setupTimeNanos()).isEqualTo(1100 * MS);
        assertThat(call.durationNanos()).isEqualTo(60_010 * MS);
        assertThat(call.endedBy()).isEqualTo(SipCall.Party.CALLER);
        assertThat(call.endReason()).isEqualTo("BYE");
        assertThat(call.isOpenAtEnd()).isFalse();
        assertThat(states(call)).containsExactly(CallState.CALL_SETUP, CallState.RINGING, CallState.IN_CALL,
                CallState.COMPLETED);
        assertThat(call.timeline().get(2).timestampNanos()).isEqualTo(1100 * MS);

        assertThat(s.transactions()).extracting(SipTransaction::method).containsExactly("INVITE", "ACK", "BYE");
        SipTransaction inv = s.transactions().get(0);
        assertThat(inv.provisionalResponses()).extracting(SipMessageRef::statusCode).containsExactly(100, 180);
        assertThat(inv.finalStatus()).isEqualTo(200);
        assertThat(inv.responseTimeNanos()).isEqualTo(1100 * MS);
        assertThat(s.transactions().get(2).responseTimeNanos()).isEqualTo(10 * MS);
        assertThat(s.messages().get(3).transaction()).isEqualTo(inv);
        assertThat(s.messages().get(3).sdp()).isTrue();

        assertThat(s.dialogs()).hasSize(1);
        SipDialog d = s.dialogs().get(0);
        assertThat(d.localTag()).isEqualTo("a1");
        assertThat(d.remoteTag()).isEqualTo("b1");
        assertThat(d.state()).isEqualTo(SipDialog.State.TERMINATED);
        assertThat(d.confirmedNanos()).isEqualTo(1100 * MS);
        assertThat(d.messages()).hasSize(5);
    }

    @Test
    void calleeHangsUp() {
        feed(invite(0),
                fromBob(response(200, "OK", "INVITE")).tags("a1", "b1").at(500),
                request("ACK").tags("a1", "b1").branch("z9hG4bK-2").at(510),
                fromBob(request("BYE")).users("bob", "alice").tags("b1", "a1").cseq(1).branch("z9hG4bK-b")
                        .reasonHeader("Q.850;cause=16").at(10_500),
                response(200, "OK", "BYE").users("bob", "alice").tags("b1", "a1").branch("z9hG4bK-b").at(10_510));

        SipCall call = correlator.session("call-1").call();
        assertThat(call.state()).isEqualTo(CallState.COMPLETED);
        assertThat(call.endedBy()).isEqualTo(SipCall.Party.CALLEE);
        assertThat(call.reasonHeader()).isEqualTo("Q.850;cause=16");
        assertThat(call.durationNanos()).isEqualTo(10_000 * MS);
        assertThat(call.postDialDelayNanos()).isEqualTo(-1);
    }

    @Test
    void cancelledCall() {
        feed(invite(0),
                fromBob(response(100, "Trying", "INVITE")).at(10),
                fromBob(response(180, "Ringing", "INVITE")).tags("a1", "b1").at(50),
                request("CANCEL").tags("a1", null).at(3000),
                fromBob(response(200, "OK", "CANCEL")).tags("a1", "b1").at(3010),
                fromBob(response(487, "Request Terminated", "INVITE")).tags("a1", "b1").at(3020),
                request("ACK").tags("a1", "b1").at(3030));

        SipSession s = correlator.session("call-1");
        SipCall call = s.call();
        assertThat(call.state()).isEqualTo(CallState.CANCELLED);
        assertThat(call.endedBy()).isEqualTo(SipCall.Party.CALLER);
        assertThat(call.endReason()).isEqualTo("CANCEL");
        assertThat(call.endNanos()).isEqualTo(3000 * MS);
        assertThat(call.durationNanos()).isEqualTo(-1);
        assertThat(states(call)).containsExactly(CallState.CALL_SETUP, CallState.RINGING, CallState.CANCELLED);

        // CANCEL shares the INVITE's branch but is its own transaction; the ACK of the 487 joins the INVITE's.
        assertThat(s.transactions()).extracting(SipTransaction::method).containsExactly("INVITE", "CANCEL");
        SipTransaction inv = s.transactions().get(0);
        assertThat(inv.finalStatus()).isEqualTo(487);
        assertThat(inv.ack()).isNotNull();
        assertThat(inv.ack().index()).isEqualTo(6);
        assertThat(s.transactions().get(1).finalStatus()).isEqualTo(200);
        assertThat(s.dialogs()).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(SipDialog.State.TERMINATED));
    }

    @Test
    void rejectedBusyAndDiverted() {
        feed(invite(0).callId("rej"),
                fromBob(response(403, "Forbidden", "INVITE")).callId("rej").tags("a1", "b1").at(40),
                invite(0).callId("busy"),
                fromBob(response(486, "Busy Here", "INVITE")).callId("busy").tags("a1", "b2").at(70),
                invite(0).callId("div"),
                fromBob(response(302, "Moved Temporarily", "INVITE")).callId("div").tags("a1", "b3").at(90),
                invite(0).callId("dec"),
                fromBob(response(600, "Busy Everywhere", "INVITE")).callId("dec").tags("a1", "b4").at(90));

        SipCall rejected = correlator.session("rej").call();
        assertThat(rejected.state()).isEqualTo(CallState.REJECTED);
        assertThat(rejected.endReason()).isEqualTo("403 Forbidden");
        assertThat(rejected.endedBy()).isEqualTo(SipCall.Party.CALLEE);
        assertThat(rejected.endNanos()).isEqualTo(40 * MS);
        assertThat(correlator.session("busy").call().state()).isEqualTo(CallState.BUSY);
        assertThat(correlator.session("dec").call().state()).isEqualTo(CallState.BUSY);
        assertThat(correlator.session("div").call().state()).isEqualTo(CallState.DIVERTED);
        assertThat(correlator.session("div").call().state().displayName()).isEqualTo("DIVERTED");
        assertThat(correlator.session("rej").dialogs()).isEmpty(); // a failure creates no dialog
    }

    @Test
    void challengedInviteRetriesAndIsAnswered() {
        feed(invite(0),
                fromBob(response(407, "Proxy Authentication Required", "INVITE")).tags("a1", "p1").at(20),
                request("ACK").tags("a1", "p1").at(25),
                invite(30).cseq(2).branch("z9hG4bK-2"),
                fromBob(response(200, "OK", "INVITE")).tags("a1", "b1").cseq(2).branch("z9hG4bK-2").at(900));

        SipCall call = correlator.session("call-1").call();
        assertThat(states(call)).containsExactly(CallState.CALL_SETUP, CallState.REJECTED, CallState.CALL_SETUP,
                CallState.IN_CALL);
        assertThat(call.setupTimeNanos()).isEqualTo(900 * MS);
        assertThat(call.endReason()).isNull();
        assertThat(call.isOpenAtEnd()).isTrue();
    }

    @Test
    void forkedEarlyDialogsStaySeparate() {
        feed(invite(0).flow(ALICE, PROXY),
                response(100, "Trying", "INVITE").flow(PROXY, ALICE).at(5),
                response(183, "Session Progress", "INVITE").flow(PROXY, ALICE).tags("a1", "x1").sdp().at(100),
                response(183, "Session Progress", "INVITE").flow(PROXY, ALICE).tags("a1", "x2").sdp().at(120),
                response(200, "OK", "INVITE").flow(PROXY, ALICE).tags("a1", "x2").sdp().at(2000));

        SipSession s = correlator.session("call-1");
        assertThat(s.dialogs()).extracting(SipDialog::remoteTag).containsExactly("x1", "x2");
        assertThat(s.dialogs()).extracting(SipDialog::state)
                .containsExactly(SipDialog.State.EARLY, SipDialog.State.CONFIRMED);
        SipTransaction inv = s.transactions().get(0);
        assertThat(inv.provisionalResponses()).hasSize(3); // 100 and two 183s with different To tags
        assertThat(s.call().state()).isEqualTo(CallState.IN_CALL);
        assertThat(s.call().postDialDelayNanos()).isEqualTo(100 * MS);
        // never ended: duration runs to the last message and the state stays IN_CALL
        assertThat(s.call().isOpenAtEnd()).isTrue();
        assertThat(s.call().durationNanos()).isZero();
    }

    @Test
    void retransmissionsAreFlaggedAndCountedOnce() {
        feed(invite(0),
                invite(500),
                fromBob(response(100, "Trying", "INVITE")).at(510),
                fromBob(response(180, "Ringing", "INVITE")).tags("a1", "b1").at(600),
                fromBob(response(200, "OK", "INVITE")).tags("a1", "b1").at(2000),
                fromBob(response(200, "OK", "INVITE")).tags("a1", "b1").at(2500),
                request("ACK").tags("a1", "b1").branch("z9hG4bK-2").at(2510));

        SipSession s = correlator.session("call-1");
        assertThat(s.messages()).extracting(SipMessageRef::resent)
                .containsExactly(false, true, false, false, false, true, false);
        SipTransaction inv = s.transactions().get(0);
        assertThat(inv.request().index()).isZero();
        assertThat(inv.retransmissions()).isEqualTo(2);
        assertThat(inv.provisionalResponses()).hasSize(2);
        assertThat(inv.otherFinalResponses()).isEmpty();
        assertThat(inv.responseTimeNanos()).isEqualTo(2000 * MS);
        assertThat(s.call().answerNanos()).isEqualTo(2000 * MS);
        assertThat(correlator.statistics().resent()).isEqualTo(2);
        assertThat(correlator.statistics().messages()).isEqualTo(7);
    }

    /**
     * A transaction keeps its distinct messages and counts the repeats: a second 2xx from another fork is a further
     * final response, its repeat and a repeated 183 are retransmissions; so is the repeated ACK of a failure.
     */
    @Test
    void forkedFinalsAndRepeatedAcksAreKeptOnce() {
        feed(invite(0).flow(ALICE, PROXY),
                response(183, "Session Progress", "INVITE").flow(PROXY, ALICE).tags("a1", "x1").at(100),
                response(183, "Session Progress", "INVITE").flow(PROXY, ALICE).tags("a1", "x1").at(150),
                response(200, "OK", "INVITE").flow(PROXY, ALICE).tags("a1", "x1").at(2000),
                response(200, "OK", "INVITE").flow(PROXY, ALICE).tags("a1", "x2").at(2100),
                response(200, "OK", "INVITE").flow(PROXY, ALICE).tags("a1", "x2").at(2600));
        SipTransaction inv = correlator.session("call-1").transactions().get(0);
        assertThat(inv.provisionalResponses()).extracting(SipMessageRef::index).containsExactly(1);
        assertThat(inv.finalResponse().index()).isEqualTo(3);
        assertThat(inv.otherFinalResponses()).extracting(SipMessageRef::index).containsExactly(4);
        assertThat(inv.retransmissions()).isEqualTo(2);
        assertThat(inv.ack()).isNull();
        assertThat(inv).isEqualTo(correlator.session("call-1").messages().get(5).transaction());

        SipCorrelator busy = new SipCorrelator();
        for (TestSip.Msg m : List.of(invite(0).callId("call-2"),
                fromBob(response(486, "Busy Here", "INVITE")).callId("call-2").tags("a1", "b1").at(100),
                request("ACK").callId("call-2").tags("a1", "b1").at(110),
                request("ACK").callId("call-2").tags("a1", "b1").at(610))) {
            busy.accept(m.event());
        }
        SipTransaction failed = busy.session("call-2").transactions().get(0);
        assertThat(busy.session("call-2").transactions()).hasSize(1);
        assertThat(failed.ack().index()).isEqualTo(2);
        assertThat(failed.retransmissions()).isEqualTo(1);
        assertThat(failed.provisionalResponses()).isEmpty();
        assertThat(failed.otherFinalResponses()).isEmpty();
    }

    @Test
    void retransmissionOverTcpIsNotResentButStillDeduplicated() {
        feed(invite(0).tcp(), invite(500).tcp());
        SipSession s = correlator.session("call-1");
        assertThat(s.messages()).extracting(SipMessageRef::resent).containsExactly(false, false);
        assertThat(s.transactions()).singleElement().satisfies(t -> assertThat(t.retransmissions()).isEqualTo(1));
    }

    @Test
    void reInviteKeepsTheCallInCall() {
        feed(invite(0),
                fromBob(response(200, "OK", "INVITE")).tags("a1", "b1").at(100),
                request("ACK").tags("a1", "b1").branch("z9hG4bK-2").at(110),
                request("INVITE").tags("a1", "b1").cseq(2).branch("z9hG4bK-4").sdp().at(5000),
                fromBob(response(488, "Not Acceptable Here", "INVITE")).tags("a1", "b1").cseq(2)
                        .branch("z9hG4bK-4").at(5010),
                request("ACK").tags("a1", "b1").cseq(2).branch("z9hG4bK-4").at(5020),
                request("INVITE").tags("a1", "b1").cseq(3).branch("z9hG4bK-5").sdp().at(6000),
                fromBob(response(200, "OK", "INVITE")).tags("a1", "b1").cseq(3).branch("z9hG4bK-5").at(6010));

        SipSession s = correlator.session("call-1");
        SipCall call = s.call();
        assertThat(call.state()).isEqualTo(CallState.IN_CALL);
        assertThat(call.reInvites()).isEqualTo(2);
        assertThat(call.answerNanos()).isEqualTo(100 * MS);
        assertThat(states(call)).containsExactly(CallState.CALL_SETUP, CallState.IN_CALL);
        assertThat(s.dialogs()).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(SipDialog.State.CONFIRMED));
        assertThat(s.transactions()).extracting(SipTransaction::method)
                .containsExactly("INVITE", "ACK", "INVITE", "INVITE");
        assertThat(s.transactions().get(2).ack()).isNotNull();
    }

    @Test
    void otherInDialogMethodsJoinTheDialog() {
        feed(invite(0),
                fromBob(response(183, "Session Progress", "INVITE")).tags("a1", "b1").at(50),
                request("PRACK").tags("a1", "b1").cseq(2).branch("z9hG4bK-p").at(60),
                fromBob(response(200, "OK", "PRACK")).tags("a1", "b1").cseq(2).branch("z9hG4bK-p").at(70),
                request("UPDATE").tags("a1", "b1").cseq(3).branch("z9hG4bK-u").at(80),
                fromBob(response(200, "OK", "UPDATE")).tags("a1", "b1").cseq(3).branch("z9hG4bK-u").at(90),
                fromBob(response(200, "OK", "INVITE")).tags("a1", "b1").at(400),
                request("INFO").tags("a1", "b1").cseq(4).branch("z9hG4bK-i").at(500),
                request("REFER").tags("a1", "b1").cseq(5).branch("z9hG4bK-r").at(600),
                fromBob(request("NOTIFY")).tags("b1", "a1").cseq(1).branch("z9hG4bK-n").at(700));

        SipSession s = correlator.session("call-1");
        SipDialog d = s.dialogs().get(0);
        assertThat(s.dialogs()).hasSize(1);
        assertThat(d.state()).isEqualTo(SipDialog.State.CONFIRMED);
        assertThat(d.messages()).extracting(SipMessageRef::label)
                .containsExactly("183 Session Progress", "PRACK", "200 OK", "UPDATE", "200 OK", "200 OK", "INFO",
                        "REFER", "NOTIFY");
        assertThat(s.call().state()).isEqualTo(CallState.IN_CALL);
        assertThat(s.subscription()).isNotNull(); // the implicit REFER subscription
    }
}
