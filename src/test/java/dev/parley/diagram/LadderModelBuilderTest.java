package dev.parley.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.sip.SipSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LadderModelBuilderTest {
    private static final List<String> CALL = List.of("INVITE", "100 Trying", "180 Ringing", "200 OK", "ACK", "BYE",
            "200 OK");

    @Test
    void oneCallHasTwoColumnsAndSevenArrowsInOrder() {
        LadderModel m = Samples.firstUdpCall();

        assertThat(m.columns()).extracting(LadderColumn::key).containsExactly("127.0.0.1:5070", "127.0.0.1:5060");
        assertThat(m.columns()).extracting(LadderColumn::label).containsExactly("127.0.0.1:5070", "127.0.0.1:5060");
        assertThat(m.arrows()).extracting(LadderArrow::label).containsExactlyElementsOf(CALL);
        assertThat(m.arrows()).extracting(LadderArrow::detail).containsExactly("CSeq 1 INVITE", "CSeq 1 INVITE",
                "CSeq 1 INVITE", "CSeq 1 INVITE", "CSeq 1 ACK", "CSeq 2 BYE", "CSeq 2 BYE");
        assertThat(m.arrows()).extracting(LadderArrow::from).containsExactly(0, 1, 1, 1, 0, 0, 1);
        assertThat(m.arrows()).extracting(LadderArrow::to).containsExactly(1, 0, 0, 0, 1, 1, 0);
        assertThat(m.arrows()).extracting(LadderArrow::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(m.arrows()).noneMatch(LadderArrow::self).noneMatch(LadderArrow::resent);
        assertThat(m.arrows().get(0).message().method()).isEqualTo("INVITE");
    }

    @Test
    void inviteAndOkCarryTheSdpOfferAndAnswer() {
        LadderModel m = Samples.firstUdpCall();

        assertThat(m.arrows().get(0).sdp()).isEqualTo("offer PCMU/8000 PCMA/8000 @ 127.0.0.1:6004");
        assertThat(m.arrows().get(3).sdp()).isEqualTo("answer PCMU/8000 @ 127.0.0.1:6000");
        assertThat(m.arrows()).filteredOn(a -> a.index() != 0 && a.index() != 3)
                .allMatch(a -> a.sdp() == null);
    }

    @Test
    void withoutBytesThereIsNoSdpSummary() {
        LadderModel m = LadderModelBuilder.build(Samples.sessions("sip-call-udp.pcap").subList(0, 1),
                LadderOptions.DEFAULT, ref -> null);

        assertThat(m.arrows()).hasSize(7).allMatch(a -> a.sdp() == null);
        assertThat(LadderModelBuilder.build(Samples.sessions("sip-call-udp.pcap").subList(0, 1),
                LadderOptions.DEFAULT, null).arrows()).allMatch(a -> a.sdp() == null);
    }

    @Test
    void deltasAndTimesFollowTheCapture() {
        // tshark: 0.000000, 0.000196, 0.103917, 0.409611, 0.409704, 0.931875, 0.931933
        LadderModel m = Samples.firstUdpCall();
        long[] micros = {0, 196, 103_917, 409_611, 409_704, 931_875, 931_933};

        assertThat(m.firstTimestampNanos()).isEqualTo(m.arrows().get(0).timestampNanos());
        for (int i = 0; i < micros.length; i++) {
            LadderArrow a = m.arrows().get(i);
            assertThat(m.relativeNanos(a) / 1000).as("time of %s", i).isEqualTo(micros[i]);
            long delta = i == 0 ? 0 : micros[i] - micros[i - 1];
            assertThat(Math.round(a.deltaNanos() / 1000.0)).as("delta of %s", i).isCloseTo(delta,
                    org.assertj.core.data.Offset.offset(1L));
        }
        assertThat(m.arrows().get(0).deltaNanos()).isZero();
        assertThat(LadderLayout.relativeTime(m, m.arrows().get(2))).isEqualTo("0.103917");
        assertThat(LadderLayout.delta(m.arrows().get(1))).isEqualTo("+0.000196");
    }

    @Test
    void coloursFollowTransactions() {
        LadderModel m = Samples.firstUdpCall();

        // INVITE transaction (INVITE, 100, 180, 200), the ACK of the 2xx, the BYE transaction (BYE, 200).
        assertThat(m.arrows()).extracting(LadderArrow::colour).containsExactly(0, 0, 0, 0, 1, 2, 2);
    }

    @Test
    void mergedPortsMakeOneColumnOfSelfArrows() {
        LadderModel m = LadderModelBuilder.build(Samples.sessions("sip-call-udp.pcap").subList(0, 1),
                new LadderOptions(true, Map.of()), Samples.KEPT_BYTES);

        assertThat(m.columns()).extracting(LadderColumn::key).containsExactly("127.0.0.1");
        assertThat(m.arrows()).hasSize(7).allMatch(LadderArrow::self);
    }

    @Test
    void aliasesNameColumns() {
        LadderModel m = LadderModelBuilder.build(Samples.sessions("sip-call-udp.pcap").subList(0, 1),
                new LadderOptions(false, Map.of("127.0.0.1:5070", "alice (UAC)")), Samples.KEPT_BYTES);

        assertThat(m.columns()).extracting(LadderColumn::label).containsExactly("alice (UAC)", "127.0.0.1:5060");
        assertThat(m.columns().get(0).aliased()).isTrue();
        assertThat(m.columns().get(1).aliased()).isFalse();

        LadderModel merged = LadderModelBuilder.build(Samples.sessions("sip-call-udp.pcap").subList(0, 1),
                new LadderOptions(true, Map.of("127.0.0.1", "localhost")), Samples.KEPT_BYTES);
        assertThat(merged.columns()).extracting(LadderColumn::label).containsExactly("localhost");
    }

    @Test
    void severalSessionsMergeInTimeOrder() {
        List<SipSession> sessions = Samples.sessions("sip-call-udp.pcap");
        assertThat(sessions).hasSize(3);

        // Given in reverse, drawn in capture order; a session given twice is drawn once.
        LadderModel m = LadderModelBuilder.build(List.of(sessions.get(2), sessions.get(0), sessions.get(2)),
                LadderOptions.DEFAULT, Samples.KEPT_BYTES);

        assertThat(m.arrows()).hasSize(14);
        assertThat(m.arrows().subList(0, 7)).allMatch(a -> a.message().transaction() != null)
                .extracting(LadderArrow::label).containsExactlyElementsOf(CALL);
        assertThat(m.arrows().subList(0, 7)).allMatch(a -> sessions.get(0).messages().contains(a.message()));
        assertThat(m.arrows().subList(7, 14)).allMatch(a -> sessions.get(2).messages().contains(a.message()));
        for (int i = 1; i < m.arrows().size(); i++) {
            assertThat(m.arrows().get(i).timestampNanos()).isGreaterThanOrEqualTo(m.arrows().get(i - 1)
                    .timestampNanos());
            assertThat(m.arrows().get(i).deltaNanos()).isEqualTo(m.arrows().get(i).timestampNanos()
                    - m.arrows().get(i - 1).timestampNanos());
        }
        assertThat(m.columns()).hasSize(2);
        // Transactions of the second call get their own colours.
        assertThat(m.arrows().get(7).colour()).isEqualTo(3);
        assertThat(m.firstTimestampNanos()).isEqualTo(sessions.get(0).firstNanos());
    }

    @Test
    void noSessionsGiveAnEmptyModel() {
        LadderModel m = LadderModelBuilder.build(List.of(), LadderOptions.DEFAULT, Samples.KEPT_BYTES);

        assertThat(m.isEmpty()).isTrue();
        assertThat(m.columns()).isEmpty();
        assertThat(m.firstTimestampNanos()).isZero();
    }

    @Test
    void otherSamplesBuild() {
        for (String name : List.of("sip-call-tcp.pcap", "sip-register-digest.pcap", "sip-message.pcap",
                "sip-cancel-busy.pcap")) {
            List<SipSession> sessions = Samples.sessions(name);
            LadderModel m = LadderModelBuilder.build(sessions, LadderOptions.DEFAULT, Samples.KEPT_BYTES);
            int messages = sessions.stream().mapToInt(s -> s.messages().size()).sum();
            assertThat(m.arrows()).as(name).hasSize(messages);
            assertThat(m.columns()).as(name).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void retransmissionsFromTheCorpusAreMarked() {
        String corpus = System.getProperty("parley.corpus", "");
        java.nio.file.Path file = java.nio.file.Path.of(corpus.isEmpty() ? "/work/shared/corpus" : corpus, "sip",
                "sngrep_aaa.pcap");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(file), "corpus not found");

        List<SipSession> sessions = Samples.sessions(file);
        LadderModel m = LadderModelBuilder.build(sessions, LadderOptions.DEFAULT, Samples.KEPT_BYTES);

        List<LadderArrow> resent = m.arrows().stream().filter(LadderArrow::resent).toList();
        assertThat(resent).isNotEmpty();
        for (LadderArrow r : resent) {
            // A retransmission shares its transaction's colour with the original it repeats.
            LadderArrow original = m.arrows().stream().filter(a -> !a.resent()
                    && a.message().transaction().equals(r.message().transaction()) && a.label().equals(r.label()))
                    .findFirst().orElseThrow();
            assertThat(r.colour()).isEqualTo(original.colour());
            assertThat(r.index()).isGreaterThan(original.index());
        }
        assertThat(m.columns().size()).isGreaterThanOrEqualTo(3);
        assertThat(m.arrows()).hasSize(sessions.stream().mapToInt(s -> s.messages().size()).sum());
    }
}
