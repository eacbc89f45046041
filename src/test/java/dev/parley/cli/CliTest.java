package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line on the real SIPp samples: what scripts rely on. */
class CliTest {
    private static final Path CALLS = Path.of("samples", "sip-call-udp.pcap");
    private static final Path CANCEL_BUSY = Path.of("samples", "sip-cancel-busy.pcap");


    @Test
    void launcherKnowsTheSameCommandsAsPicocli() {
        ParleyCommand.SUBCOMMANDS.forEach((name, command) ->
                assertThat(new CommandLine(command.get()).getCommandName()).isEqualTo(name));
        assertThat(ParleyCommand.commandLine("help").getSubcommands().keySet())
                .containsExactlyElementsOf(ParleyCommand.COMMANDS);
        assertThat(ParleyCommand.commandLine("stats").getSubcommands().keySet()).containsExactly("stats");
        assertThat(ParleyCommand.isCommand("bench")).isTrue();
        assertThat(ParleyCommand.isCommand("--version")).isTrue();
        assertThat(ParleyCommand.isCommand("calls.pcap")).isFalse();
    }

    @Test
    void statsJsonHasTheDocumentedShape() throws Exception {
        CliRun r = CliRun.run("stats", "--json", CALLS.toString());
        assertThat(r.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("frames").asLong()).isEqualTo(21);
        assertThat(j.at("/sip/messages").asLong()).isEqualTo(21);
        assertThat(j.at("/sip/resent").asLong()).isZero();
        assertThat(j.at("/sip/call_ids").asLong()).isEqualTo(3);
        assertThat(j.at("/sip/methods/INVITE").asLong()).isEqualTo(3);
        assertThat(j.at("/sip/methods/BYE").asLong()).isEqualTo(3);
        assertThat(j.at("/sip/status_codes/200").asLong()).isEqualTo(6);
        assertThat(j.at("/pop3/sessions").asLong()).isZero();
        assertThat(j.at("/pop3/commands").isObject()).isTrue();
        assertThat(j.get("anomalies").isObject()).isTrue();
    }

    @Test
    void summaryJsonListsEachCallWithItsTimings() throws Exception {
        CliRun r = CliRun.run("summary", "--json", CANCEL_BUSY.toString());
        assertThat(r.exit()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(rows.get(0).get("last_status").asInt()).isEqualTo(487);
        assertThat(rows.get(1).get("state").asText()).isEqualTo("BUSY");
        assertThat(rows.get(1).get("last_status").asInt()).isEqualTo(486);
        assertThat(rows.get(1).get("duration_s").isNull()).isTrue();
    }

    @Test
    void summaryCsvHasAHeaderAndOneLinePerCall() {
        CliRun r = CliRun.run("summary", "--csv", CALLS.toString());
        String[] lines = r.out().split("\r?\n");
        assertThat(lines[0]).startsWith("index,start,kind,method,from,to,state");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains(",CALL,INVITE,alice,bob,COMPLETED,7,");
    }

    @Test
    void showPrintsMessagesInOrderAndTimings() {
        String callId = CliRun.run("summary", "--csv", CALLS.toString()).out().split("\r?\n")[1].split(",")[15];
        CliRun r = CliRun.run("show", CALLS.toString(), "--call", callId);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsSubsequence("INVITE (SDP)", "100 Trying", "180 Ringing", "200 OK (SDP)", "ACK",
                "BYE", "200 OK");
        assertThat(r.out()).contains("post-dial delay", "setup time", "ended by         caller: BYE");
    }

    @Test
    void unknownCallIdIsAClearError() {
        CliRun r = CliRun.run("show", CALLS.toString(), "--call", "nope");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no session with Call-ID nope");
    }

    @Test
    void aFileThatIsNotACaptureGetsAMessageNamingIt(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Hello, this is not a capture\n");
        CliRun r = CliRun.run("stats", notes.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("notes.txt").contains("not a pcap or pcapng file");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void benchReportsTimingAndMemory() {
        CliRun r = CliRun.run("bench", CALLS.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("frames          21", "sip messages    21", "frames/s", "peak heap");
        assertThat(r.out()).doesNotContain("model heap"); // its full GC would count in the process time
        assertThat(r.out()).containsPattern("[0-9.]+ s reading thread, [0-9.]+ s correlating thread");

        CliRun withHeap = CliRun.run("bench", "--model-heap", CALLS.toString());
        assertThat(withHeap.exit()).isZero();
        assertThat(withHeap.out()).containsPattern("model heap +[0-9.]+ MiB");
    }
}
