package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.decode.Limits;
import dev.parley.session.CaptureLoader;
import dev.parley.session.pop3.Mail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POP3 in the command line, on corpus captures: stats, summary, show --pop3, export-mails. */
class Pop3CliTest {


    /** A corpus file; CI passes -Dparley.corpus, without it the test is skipped saying why. */
    private static Path corpus(String relative) {
        String given = System.getProperty("parley.corpus", "");
        Path root = given.isBlank() ? Path.of("..", "shared", "corpus") : Path.of(given);
        if (!given.isBlank()) {
            assertThat(root).isDirectory();
        }
        Assumptions.assumeTrue(Files.isDirectory(root), "corpus not found: pass -Dparley.corpus=PATH");
        return root.resolve(relative);
    }

    @Test
    void statsJsonCountsPop3() throws Exception {
        CliRun r = CliRun.run("stats", "--json", corpus("pop3/aiengine_pop_flow.pcap").toString());
        assertThat(r.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/pop3/sessions").asInt()).isEqualTo(1);
        assertThat(j.at("/pop3/commands/RETR").asInt()).isEqualTo(5);
        assertThat(j.at("/pop3/commands/DELE").asInt()).isEqualTo(5);
        assertThat(j.at("/pop3/requests").asInt()).isEqualTo(15);
        assertThat(j.at("/pop3/replies").asInt()).isEqualTo(16);
        assertThat(j.at("/pop3/mails").asInt()).isEqualTo(5);

        CliRun text = CliRun.run("stats", corpus("pop3/ndpi_pop3.pcap").toString());
        assertThat(text.out()).contains("POP3 sessions: 6").contains("AUTH            :     6");
    }

    @Test
    void summaryListsPop3SessionsAfterSipOnes() throws Exception {
        Path mixed = corpus("sip/heplify_rtp_rtcp_sip.pcap");
        CliRun r = CliRun.run("summary", "--json", mixed.toString());
        assertThat(r.exit()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        List<JsonNode> pop3 = new java.util.ArrayList<>();
        rows.forEach(n -> {
            if (n.get("kind").asText().equals("POP3")) {
                pop3.add(n);
            }
        });
        assertThat(pop3).hasSize(3);
        assertThat(pop3.get(0).get("from").asText()).isEqualTo("ecortones");
        assertThat(pop3.get(0).get("method").asText()).isEqualTo("USER/PASS");
        assertThat(pop3.get(0).get("state").asText()).isEqualTo("UPDATE");
        assertThat(pop3.get(0).get("messages").asInt()).isEqualTo(4);
        assertThat(pop3.get(0).at("/pop3/session").asInt()).isEqualTo(1);
        assertThat(pop3.get(0).get("index").asInt()).isEqualTo(rows.size() - 2);

        CliRun text = CliRun.run("summary", mixed.toString());
        assertThat(text.out()).contains("3 POP3 sessions").contains("ecortones@telesmart");
        CliRun csv = CliRun.run("summary", "--csv", mixed.toString());
        assertThat(csv.out().lines().filter(l -> l.contains(",POP3,"))).hasSize(3);
    }

    @Test
    void showPop3MasksPasswordsUnlessAsked() {
        Path f = corpus("pop3/aiengine_pop_flow.pcap");
        CliRun r = CliRun.run("show", f.toString(), "--pop3", "1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("USER plod").contains("PASS ********").doesNotContain("Sourcefire")
                .contains("RETR 1").contains("UPDATE").contains("deletions committed");
        CliRun reveal = CliRun.run("show", f.toString(), "--pop3", "1", "--show-passwords");
        assertThat(reveal.out()).contains("PASS Sourcefire");
        CliRun missing = CliRun.run("show", f.toString(), "--pop3", "9");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no POP3 session 9");
    }

    @Test
    void exportMailsWritesByteExactSortableFiles(@TempDir Path dir) throws Exception {
        Path f = corpus("pop3/ndpi_pop3.pcap");
        CliRun r = CliRun.run("export-mails", f.toString(), dir.toString());
        assertThat(r.exit()).isZero();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "s001-r001-msg2.eml", "s006-r001-msg1.eml", "s006-r002-msg2.eml", "s006-r003-msg3.eml");
        List<Mail> kept = new CaptureLoader(Limits.DEFAULT, true).load(f).pop3().mails();
        for (int i = 0; i < kept.size(); i++) {
            assertThat(Files.readAllBytes(files.get(i))).isEqualTo(kept.get(i).bytes(null));
        }
        assertThat(r.out()).contains("4 mails written");
    }
}
