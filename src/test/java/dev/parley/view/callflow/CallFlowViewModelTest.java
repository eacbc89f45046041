package dev.parley.view.callflow;

import static dev.parley.view.callflow.SampleSessions.first;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.sip.CallState;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import dev.parley.view.callflow.Rows.MediaRow;
import dev.parley.view.callflow.Rows.TimelineRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallFlowViewModelTest {

    @Test
    void completedCallsShowTimingsFromTheMessageTimesAndTheNegotiatedMedia() {
        List<SipSession> sessions = SampleSessions.load("sip-call-udp.pcap");
        assertThat(sessions).hasSize(3);
        CallFlowViewModel vm = new CallFlowViewModel();
        for (SipSession s : sessions) {
            vm.show(s, SipMessageRef::bytes);
            long invite = first(s, "INVITE").timestampNanos();
            long ringing = first(s, "180 Ringing").timestampNanos();
            SipMessageRef ok = first(s, "200 OK");
            long bye = first(s, "BYE").timestampNanos();

            assertThat(vm.kindProperty().get()).isEqualTo("Call");
            assertThat(vm.callProperty().get()).isTrue();
            assertThat(vm.callStateProperty().get()).isEqualTo(CallState.COMPLETED);
            assertThat(vm.stateProperty().get()).isEqualTo("COMPLETED");
            assertThat(vm.toneProperty().get()).isEqualTo(Tone.SUCCESS);
            assertThat(vm.postDialDelayProperty().get()).isEqualTo(Durations.format(ringing - invite));
            assertThat(vm.setupTimeProperty().get()).isEqualTo(Durations.format(ok.timestampNanos() - invite));
            assertThat(vm.ringTimeProperty().get()).isEqualTo(Durations.format(ok.timestampNanos() - ringing));
            assertThat(vm.durationProperty().get()).isEqualTo(Durations.format(bye - ok.timestampNanos()));
            assertThat(vm.postDialDelayProperty().get()).endsWith(" ms");
            assertThat(vm.endedByProperty().get()).isEqualTo("caller");
            assertThat(vm.endReasonProperty().get()).isEqualTo("BYE");

            assertThat(vm.headlineProperty().get()).isEqualTo("Alice <sip:alice@127.0.0.1:5070> \u2192 <sip:bob@127.0.0.1:5060>");
            assertThat(vm.callerProperty().get().endpoint()).isEqualTo(first(s, "INVITE").flow().src().toString());
            assertThat(vm.callerProperty().get().userAgent()).isEqualTo("SIPp parley-sample");
            assertThat(vm.calleeProperty().get().endpoint()).isEqualTo(first(s, "INVITE").flow().dst().toString());

            assertThat(vm.timeline()).extracting(TimelineRow::state)
                    .containsExactly("CALL SETUP", "RINGING", "IN CALL", "COMPLETED");
            assertThat(vm.timeline().get(0).time()).isEqualTo("+0.000 s");
            assertThat(vm.timeline().get(1).message()).isEqualTo("180 Ringing");
            assertThat(vm.timeline().get(2).offsetNanos()).isEqualTo(ok.timestampNanos() - invite);
            assertThat(vm.timeline().get(3).message()).isEqualTo("BYE");

            assertThat(vm.media()).extracting(MediaRow::side).containsExactly("offer (INVITE)", "answer (200 OK)");
            MediaRow offer = vm.media().get(0);
            assertThat(offer.media()).isEqualTo("audio");
            assertThat(offer.address()).startsWith("127.0.0.1:");
            assertThat(offer.codecs()).startsWith("PCMU/8000");
            assertThat(offer.direction()).isEqualTo("sendrecv");
            assertThat(vm.media().get(1).codecs()).contains("PCMU/8000");
            assertThat(vm.media().get(1).frame()).isEqualTo(ok.frame());
            assertThat(vm.detail("Call-ID")).isEqualTo(s.callId());
        }
    }

    @Test
    void cancelledAndBusyCallsSayWhoEndedThemAndWhy() {
        List<SipSession> sessions = SampleSessions.load("sip-cancel-busy.pcap");
        CallFlowViewModel vm = new CallFlowViewModel();
        vm.show(sessions.get(0), SipMessageRef::bytes);
        assertThat(vm.callStateProperty().get()).isEqualTo(CallState.CANCELLED);
        assertThat(vm.endedByProperty().get()).isEqualTo("caller");
        assertThat(vm.endReasonProperty().get()).startsWith("CANCEL");
        assertThat(vm.setupTimeProperty().get()).isEqualTo(Durations.NOT_APPLICABLE);
        assertThat(vm.durationProperty().get()).isEqualTo(Durations.NOT_APPLICABLE);
        assertThat(vm.postDialDelayProperty().get()).isNotEqualTo(Durations.NOT_APPLICABLE);
        assertThat(vm.toneProperty().get()).isEqualTo(Tone.WARNING);

        vm.show(sessions.get(1), SipMessageRef::bytes);
        assertThat(vm.callStateProperty().get()).isEqualTo(CallState.BUSY);
        assertThat(vm.stateProperty().get()).isEqualTo("BUSY");
        assertThat(vm.endReasonProperty().get()).startsWith("486 Busy Here");
        assertThat(vm.endedByProperty().get()).isEqualTo("callee");
        assertThat(vm.postDialDelayProperty().get()).isEqualTo(Durations.NOT_APPLICABLE);
        assertThat(vm.toneProperty().get()).isEqualTo(Tone.FAILURE);
        assertThat(vm.timeline()).extracting(TimelineRow::state).containsExactly("CALL SETUP", "BUSY");
        assertThat(vm.media()).extracting(MediaRow::side).containsExactly("offer (INVITE)");
    }

    @Test
    void registrationShowsChallengeAndAuthorization() {
        List<SipSession> sessions = SampleSessions.load("sip-register-digest.pcap");
        CallFlowViewModel vm = new CallFlowViewModel();
        vm.show(sessions.get(0), SipMessageRef::bytes);
        assertThat(vm.kindProperty().get()).isEqualTo("Registration");
        assertThat(vm.callProperty().get()).isFalse();
        assertThat(vm.stateProperty().get()).isEqualTo("REGISTERED");
        assertThat(vm.headlineProperty().get()).isEqualTo("REGISTER alice");
        assertThat(vm.detail("Address of record")).isEqualTo("alice");
        assertThat(vm.detail("Challenged")).isEqualTo("yes");
        assertThat(vm.detail("Authorized")).isEqualTo("yes");
        assertThat(vm.detail("Expires")).isEqualTo("3600 s");
        assertThat(vm.detail("Last status")).isEqualTo("200 OK");
        assertThat(vm.detail("Realm")).isEqualTo("parley.test");
        assertThat(vm.detail("Username")).isEqualTo("alice");
        assertThat(vm.timeline()).extracting(TimelineRow::message).containsExactly("REGISTER 1", "REGISTER 2");
        assertThat(vm.timeline().get(0).state()).startsWith("401 ");
        assertThat(vm.timeline().get(1).state()).startsWith("200 OK in ");
        assertThat(vm.postDialDelayProperty().get()).isEqualTo(Durations.NOT_APPLICABLE);
    }

    @Test
    void pagerMessagesShowTheirTextAndDelivery() {
        List<SipSession> sessions = SampleSessions.load("sip-message.pcap");
        CallFlowViewModel vm = new CallFlowViewModel();
        vm.show(sessions.get(0), SipMessageRef::bytes);
        assertThat(vm.kindProperty().get()).isEqualTo("Message");
        assertThat(vm.stateProperty().get()).isEqualTo("DELIVERED");
        assertThat(vm.pagerMessages()).hasSize(2);
        assertThat(vm.pagerMessages().get(0).text()).startsWith("Hello Bob");
        assertThat(vm.pagerMessages().get(1).text()).contains("wrapped in message/cpim");
        assertThat(vm.pagerMessages()).allMatch(p -> p.status().equals("200 OK"));
        assertThat(vm.pagerMessages().get(0).from()).contains("alice");
    }

    @Test
    void withoutBytesTheIndexStillGivesStateAndTimings() {
        SipSession s = SampleSessions.load("sip-call-udp.pcap").get(0);
        CallFlowViewModel vm = new CallFlowViewModel();
        vm.show(s, m -> null);
        assertThat(vm.stateProperty().get()).isEqualTo("COMPLETED");
        assertThat(vm.headlineProperty().get()).isEqualTo("Alice (alice) \u2192 bob");
        assertThat(vm.media()).isEmpty();
        assertThat(vm.callerProperty().get().userAgent()).isNull();
        vm.clear();
        assertThat(vm.sessionProperty().get()).isNull();
        assertThat(vm.timeline()).isEmpty();
    }

    @Test
    void durationsAreHuman() {
        assertThat(Durations.format(-1)).isEqualTo("\u2014");
        assertThat(Durations.format(103_720_000)).isEqualTo("104 ms");
        assertThat(Durations.format(12_345_000_000L)).isEqualTo("12.345 s");
        assertThat(Durations.format(125_120_000_000L)).isEqualTo("2:05.120");
        assertThat(Durations.format(3_723_000_000_000L)).isEqualTo("1:02:03");
        assertThat(Durations.format(136_400)).isEqualTo("136 \u00b5s");
        assertThat(Durations.offset(1_500_000)).isEqualTo("+0.002 s");
    }
}
