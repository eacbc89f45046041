package dev.parley.view.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.sip.SessionKind;
import dev.parley.session.sip.SipSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows copied from the real sample's sessions, filtered, selected and resolved back to sessions. */
class SessionListViewModelTest {
    private List<SipSession> sessions;
    private List<SessionRow> rows;
    private final SessionListViewModel vm = new SessionListViewModel();

    @BeforeEach
    void load() throws Exception {
        CaptureModel model = new CaptureLoader().load(Path.of("samples", "sip-call-udp.pcap"));
        sessions = model.sip().sessions();
        rows = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            rows.add(SessionRow.of(i, sessions.get(i)));
        }
    }

    @Test
    void rowCopiesTheListFieldsOfACall() {
        SessionRow r = rows.get(0);
        assertThat(r.kind()).isEqualTo(SessionKind.CALL);
        assertThat(r.method()).isEqualTo("INVITE");
        assertThat(r.from()).isEqualTo("alice");
        assertThat(r.to()).isEqualTo("bob");
        assertThat(r.state()).isEqualTo("COMPLETED");
        assertThat(r.messages()).isEqualTo(7);
        assertThat(r.lastStatus()).isEqualTo(200);
        assertThat(r.lastStatusText()).isEqualTo("200 OK");
        assertThat(r.transport()).isEqualTo("UDP");
        assertThat(r.route()).isEqualTo("127.0.0.1:5070 \u2192 127.0.0.1:5060");
        assertThat(r.callId()).isEqualTo(sessions.get(0).callId());
        assertThat(r.pddNanos()).isEqualTo(sessions.get(0).call().postDialDelayNanos()).isPositive();
        assertThat(r.start()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d");
        assertThat(r.hasRelated()).isFalse();
    }

    @Test
    void formatsTimesAndDurations() {
        assertThat(SessionRow.timeOfDay(((13 * 3600 + 4 * 60 + 5) * 1000L + 67) * 1_000_000L)).isEqualTo("13:04:05.067");
        assertThat(SessionRow.formatDuration(-1)).isEmpty();
        assertThat(SessionRow.formatDuration(1_234_000_000L)).isEqualTo("1.234 s");
        assertThat(SessionRow.formatDuration(5_000_000L)).isEqualTo("0.005 s");
        assertThat(SessionRow.formatDuration(125_000_000_000L)).isEqualTo("2:05");
        assertThat(SessionRow.formatDuration(3_725_000_000_000L)).isEqualTo("1:02:05");
    }

    @Test
    void appendedRowsAreFilteredByTextKindAndState() {
        vm.append(rows.subList(0, 2));
        vm.append(rows.subList(2, 3));
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.visibleCountProperty().get()).isEqualTo(3);

        String callId = rows.get(1).callId();
        vm.filterTextProperty().set(callId.toUpperCase());
        assertThat(vm.rows()).extracting(SessionRow::callId).containsExactly(callId);
        vm.filterTextProperty().set("127.0.0.1:5070");
        assertThat(vm.rows()).hasSize(3);
        vm.filterTextProperty().set("ALICE");
        assertThat(vm.rows()).hasSize(3);
        vm.filterTextProperty().set("carol");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.visibleCountProperty().get()).isZero();
        vm.filterTextProperty().set("");

        vm.kindFilterProperty().set(SessionKind.REGISTRATION);
        assertThat(vm.rows()).isEmpty();
        vm.kindFilterProperty().set(SessionKind.CALL);
        assertThat(vm.rows()).hasSize(3);
        vm.stateFilterProperty().set("BUSY");
        assertThat(vm.rows()).isEmpty();
        vm.stateFilterProperty().set("COMPLETED");
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void theMethodFilterOffersTheMethodsSeenAndKeepsThoseRows() throws Exception {
        List<SessionRow> mixed = new ArrayList<>(rows);
        for (String sample : List.of("sip-register-digest.pcap", "sip-message.pcap")) {
            List<SipSession> more = new CaptureLoader().load(Path.of("samples", sample)).sip().sessions();
            for (SipSession s : more) {
                mixed.add(SessionRow.of(mixed.size(), s));
            }
        }
        vm.append(mixed.subList(0, rows.size()));
        assertThat(vm.methods()).containsExactly("INVITE");
        vm.append(mixed.subList(rows.size(), mixed.size()));
        assertThat(vm.methods()).containsExactly("INVITE", "MESSAGE", "REGISTER");

        vm.methodFilterProperty().set("REGISTER");
        assertThat(vm.rows()).isNotEmpty().extracting(SessionRow::method).containsOnly("REGISTER");
        vm.methodFilterProperty().set("INVITE");
        assertThat(vm.rows()).hasSize(rows.size());
        vm.stateFilterProperty().set("BUSY");
        assertThat(vm.rows()).isEmpty();
        vm.stateFilterProperty().set(null);
        vm.methodFilterProperty().set(null);
        assertThat(vm.rows()).hasSize(mixed.size());

        vm.clear();
        assertThat(vm.methods()).isEmpty();
    }

    @Test
    void selectionResolvesToSessionsOnlyOnceLoaded() {
        vm.append(rows);
        vm.select(List.of(rows.get(0), rows.get(2)));
        assertThat(vm.selectedSessions()).as("sessions still change while loading").isEmpty();

        vm.complete(rows, sessions);
        assertThat(vm.requestedSelectionProperty().get()).extracting(SessionRow::callId)
                .containsExactly(rows.get(0).callId(), rows.get(2).callId());
        assertThat(vm.selectedSessions()).containsExactly(sessions.get(0), sessions.get(2));

        vm.clear();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.selectedSessions()).isEmpty();
    }

    @Test
    void completeSelectsTheFirstRowWhenNothingWasSelected() {
        vm.append(rows);
        vm.complete(rows, sessions);
        assertThat(vm.requestedSelectionProperty().get()).containsExactly(rows.get(0));
    }

    @Test
    void relatedLegsAreFoundInBothDirections() {
        SessionRow a = row(0, "leg-a", List.of());
        SessionRow b = row(1, "leg-b", List.of("leg-a"));
        SessionRow c = row(2, "other", List.of());
        vm.append(List.of(a, b, c));
        assertThat(vm.relatedRows(a)).containsExactly(a, b);
        assertThat(vm.relatedRows(b)).containsExactly(a, b);
        assertThat(vm.relatedRows(c)).containsExactly(c);
        vm.selectRelated(b);
        assertThat(vm.requestedSelectionProperty().get()).containsExactly(a, b);
    }

    private static SessionRow row(int index, String callId, List<String> related) {
        return new SessionRow(index, 0, "", SessionKind.CALL, "INVITE", "a", "b", "IN CALL", 1, -1, -1, -1, "", "UDP",
                "", callId, related, 0);
    }
}
