package dev.parley.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Limits;
import dev.parley.session.CaptureLoader;
import dev.parley.session.auth.Secrets;
import dev.parley.session.pop3.Pop3Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The POP3 ladder on the real samples: columns, arrow labels, folded multi-line replies, masked secrets. */
class Pop3LadderBuilderTest {

    private static Pop3Session session(String sample, int index) throws Exception {
        return new CaptureLoader(Limits.DEFAULT, false).load(Path.of("samples", sample)).pop3().session(index);
    }

    @Test
    void curlSessionHasClientAndServerColumnsAndOneArrowPerLine() throws Exception {
        Pop3Session s = session("pop3-curl-plain.pcap", 1);
        LadderModel m = Pop3LadderBuilder.build(s, LadderOptions.DEFAULT);
        assertThat(m.columns()).extracting(LadderColumn::key)
                .containsExactly(s.client().toString(), s.server().toString());
        assertThat(m.columns().get(1).key()).endsWith(":110");
        List<String> labels = m.arrows().stream().map(LadderArrow::label).toList();
        // greeting, CAPA, AUTH PLAIN + 2 SASL lines + reply, STAT, LIST, UIDL, RETR 1-4, DELE 4, QUIT: commands and replies
        assertThat(labels.get(0)).startsWith("+OK");
        assertThat(labels).contains("CAPA", "AUTH PLAIN", "+ ", "STAT", "LIST", "UIDL", "RETR 1", "RETR 4", "DELE 4",
                "QUIT", "+OK Logged in.");
        int mail2Lines = s.mails().get(1).lines();
        assertThat(mail2Lines).isGreaterThan(10);
        assertThat(labels).contains("+OK 816 octets (mail, " + mail2Lines + " lines)");
        assertThat(labels).anyMatch(l -> l.startsWith("+OK 570 octets (mail, "));
        assertThat(labels).anyMatch(l -> l.startsWith("+OK") && l.contains("(listing, "));
        // the client's PLAIN response holds the password: masked, and the password appears nowhere
        assertThat(labels).contains(Secrets.MASK);
        assertThat(labels).noneMatch(l -> l.contains("Wonderland-42") || l.contains("AGFsaWNl"));
        assertThat(m.arrows()).allSatisfy(a -> assertThat(a.from()).isNotEqualTo(a.to()));
        assertThat(m.arrows().get(0).from()).as("the greeting goes server to client").isEqualTo(1);
        assertThat(m.arrows()).filteredOn(a -> a.label().equals("RETR 2")).singleElement()
                .satisfies(a -> assertThat(a.from()).isZero());
        // arrows in time order, commands counted once each
        for (int i = 1; i < m.arrows().size(); i++) {
            assertThat(m.arrows().get(i).timestampNanos()).isGreaterThanOrEqualTo(m.arrows().get(i - 1).timestampNanos());
        }
        long commandArrows = m.arrows().stream().filter(a -> a.from() == 0).count();
        assertThat(commandArrows).isEqualTo(s.commandCount() + 1); // + the SASL response line
        assertThat(Pop3LadderBuilder.exchangesOfArrows(s)).hasSize(m.arrows().size());
    }

    @Test
    void userPassIsMaskedUnlessRevealed() throws Exception {
        Pop3Session s = session("pop3-fetchmail-user.pcap", 1);
        List<String> masked = Pop3LadderBuilder.build(s, LadderOptions.DEFAULT).arrows().stream()
                .map(LadderArrow::label).toList();
        assertThat(masked).contains("USER alice", "PASS " + Secrets.MASK).noneMatch(l -> l.contains("Wonderland-42"));
        List<String> shown = Pop3LadderBuilder.build(s, LadderOptions.DEFAULT, true).arrows().stream()
                .map(LadderArrow::label).toList();
        assertThat(shown).contains("PASS Wonderland-42");
    }

    @Test
    void topRepliesAreFoldedAsPartialMailsAndAliasesNameColumns() throws Exception {
        Pop3Session apop = session("pop3-apop-cram.pcap", 1);
        String server = apop.server().toString();
        LadderModel m = Pop3LadderBuilder.build(apop, new LadderOptions(false, Map.of(server, "Dovecot")));
        assertThat(m.columns().get(1).label()).isEqualTo("Dovecot");
        assertThat(m.arrows()).extracting(LadderArrow::label).anyMatch(l -> l.startsWith("TOP 1 5"))
                .anyMatch(l -> l.startsWith("+OK") && l.contains("(partial mail, "))
                .anyMatch(l -> l.equals("APOP bob " + Secrets.MASK));
        LadderModel merged = Pop3LadderBuilder.build(apop, new LadderOptions(true, Map.of()));
        assertThat(merged.columns()).extracting(LadderColumn::key).containsExactly("127.0.0.1", "127.0.0.1");
    }
}
