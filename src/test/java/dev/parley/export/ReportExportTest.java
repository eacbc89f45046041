package dev.parley.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.diagram.LadderModelBuilder;
import dev.parley.diagram.LadderOptions;
import dev.parley.diagram.Samples;
import dev.parley.session.SessionSummary;
import dev.parley.session.sip.SipSession;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The session list (CSV, JSON), the messages as text and the HTML report. */
class ReportExportTest {
    private static final List<SessionColumn> COLUMNS = List.of(SessionColumn.CALL_ID, SessionColumn.FROM,
            SessionColumn.TO, SessionColumn.STATE, SessionColumn.MESSAGES, SessionColumn.SETUP);

    private static List<SessionSummary> rows(List<SipSession> sessions) {
        List<SessionSummary> rows = new ArrayList<>();
        for (SipSession s : sessions) {
            rows.add(SessionSummary.of(rows.size() + 1, s));
        }
        return rows;
    }

    @Test
    void csvHasTheGivenColumnsAndRows() throws Exception {
        List<SipSession> sessions = Samples.sessions("sip-cancel-busy.pcap");
        StringWriter w = new StringWriter();
        SessionListExporter.csv(rows(sessions), COLUMNS, Redactor.NONE, w);

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(w.toString())).getRecords();
        assertThat(records).hasSize(sessions.size());
        assertThat(records.get(0).getParser().getHeaderNames())
                .containsExactly("call-id", "from", "to", "state", "messages", "setup");
        for (int i = 0; i < sessions.size(); i++) {
            assertThat(records.get(i).get("call-id")).isEqualTo(sessions.get(i).callId());
            assertThat(records.get(i).get("messages")).isEqualTo(
                    Integer.toString(sessions.get(i).messages().size()));
            assertThat(records.get(i).get("state")).isEqualTo(SessionSummary.of(0, sessions.get(i)).state());
        }
    }

    @Test
    void jsonHasNumbersNullsAndRedactedUsers() throws Exception {
        List<SipSession> sessions = Samples.sessions("sip-call-udp.pcap");
        StringWriter w = new StringWriter();
        SessionListExporter.json(rows(sessions), COLUMNS, Redactor.create(), w);

        JsonNode j = new ObjectMapper().readTree(w.toString());
        assertThat(j.size()).isEqualTo(3);
        assertThat(j.get(0).get("call-id").asText()).isEqualTo(sessions.get(0).callId());
        assertThat(j.get(0).get("messages").isInt()).isTrue();
        assertThat(j.get(0).get("setup").asDouble()).isEqualTo(0.409611);
        assertThat(j.get(0).get("from").asText()).isEqualTo("user-1"); // alice, the same in every row
        assertThat(j.get(2).get("from").asText()).isEqualTo("user-1");
        assertThat(j.get(0).get("to").asText()).isEqualTo("user-2");
    }

    @Test
    void messagesAsTextAreTheWireTextInOrder() throws Exception {
        List<SipSession> one = Samples.sessions("sip-call-udp.pcap").subList(0, 1);
        StringWriter w = new StringWriter();
        MessageTextExporter.write(one, Samples.KEPT_BYTES, Redactor.NONE, w);
        String text = w.toString();

        assertThat(DiagramExportTest.count(text, "===== ")).isEqualTo(7);
        assertThat(text).contains("===== 1  frame 1 ").contains("INVITE sip:").contains("Call-ID: "
                + one.get(0).callId());
        assertThat(text.indexOf("SIP/2.0 180 Ringing")).isLessThan(text.indexOf("SIP/2.0 200 OK"));
        assertThat(text).doesNotContain("\r");
    }

    @Test
    void htmlReportIsOneFileWithTheLadderTimingsAndMessages() throws Exception {
        List<SipSession> one = Samples.sessions("sip-call-udp.pcap").subList(0, 1);
        Redactor r = Redactor.create();
        Diagram d = new Diagram(LadderModelBuilder.build(one, LadderOptions.DEFAULT, Samples.KEPT_BYTES),
                "Call-ID " + one.get(0).callId(), CallLegend.of(one, r));
        StringWriter w = new StringWriter();
        HtmlReportExporter.write(one, d, Samples.KEPT_BYTES, r, w);
        String html = w.toString();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg ", "</svg>", "setup time 0.410 s",
                "ended by caller: BYE", "INVITE sip:user-2@", "From: ", "user-1 -&gt; user-2");
        assertThat(DiagramExportTest.count(html, "class='arrow")).isEqualTo(7);
        assertThat(DiagramExportTest.count(html, "<pre>")).isEqualTo(7);
        assertThat(html).doesNotContain("alice", "<script", "src=", "href=");
    }
}
