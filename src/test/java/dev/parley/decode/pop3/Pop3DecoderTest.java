package dev.parley.decode.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The POP3 decoder on hand-written conversations: pairing, multi-line replies, SASL, states, anomalies, gaps. */
class Pop3DecoderTest {
    static final String GREETING = "+OK POP3 server ready <1896.697170952@dbc.mindspring.com>\r\n";
    static final String MAIL_STUFFED = "Subject: hi\r\n\r\n..dot line\r\nbody\n";
    static final String MAIL = "Subject: hi\r\n\r\n.dot line\r\nbody\n";

    /** One conversation as (is the server speaking, bytes) chunks. */
    record Chunk(boolean server, String text) {
    }

    static List<Chunk> conversation() {
        String plain = Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));
        return List.of(
                new Chunk(true, GREETING),
                new Chunk(false, "CAPA\r\n"),
                new Chunk(true, "+OK Capability list follows\r\nTOP\r\nUIDL\r\nSASL PLAIN\r\n.\r\n"),
                new Chunk(false, "AUTH PLAIN\r\n"),
                new Chunk(true, "+ \r\n"),
                new Chunk(false, plain + "\r\n"),
                new Chunk(true, "+OK logged in\r\n"),
                new Chunk(false, "STAT\r\n"),
                new Chunk(true, "+OK 2 320\r\n"),
                new Chunk(false, "LIST\r\n"),
                new Chunk(true, "+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n"),
                new Chunk(false, "UIDL\r\n"),
                new Chunk(true, "+OK\r\n1 abc\r\n2 def\r\n.\r\n"),
                new Chunk(false, "RETR 1\r\n"),
                new Chunk(true, "+OK 120 octets\r\n" + MAIL_STUFFED + ".\r\n"),
                new Chunk(false, "TOP 2 0\r\n"),
                new Chunk(true, "+OK\r\nSubject: two\r\n\r\n.\r\n"),
                new Chunk(false, "DELE 1\r\n"),
                new Chunk(true, "+OK deleted\r\n"),
                new Chunk(false, "QUIT\r\n"),
                new Chunk(true, "+OK bye\r\n"));
    }

    static Pop3Driver run(List<Chunk> chunks, int splitChunk, int splitAt) {
        Pop3Driver d = new Pop3Driver(40000, 110, true);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            byte[] b = c.text().getBytes(StandardCharsets.ISO_8859_1);
            var flow = c.server() ? d.server : d.client;
            if (i == splitChunk && splitAt > 0 && splitAt < b.length) {
                d.send(flow, java.util.Arrays.copyOfRange(b, 0, splitAt));
                d.send(flow, java.util.Arrays.copyOfRange(b, splitAt, b.length));
            } else {
                d.send(flow, b);
            }
        }
        return d.close();
    }

    @Test
    void aWholeSessionPairsCommandsAndRepliesAndFollowsTheStates() {
        Pop3Driver d = run(conversation(), -1, 0);
        assertThat(d.events).containsExactly(
                "null GREETING -> +OK POP3 server ready <1896.697170952@dbc.mindspring.com> => AUTHORIZATION",
                "AUTHORIZATION CAPA[] -> +OK Capability list follows body{lines=[TOP, UIDL, SASL PLAIN] n=3 "
                        + "octets=23 term=true gap=false} => AUTHORIZATION",
                "AUTHORIZATION AUTH[PLAIN] S: C:AGFsaWNlAHNlY3JldA== -> +OK logged in => TRANSACTION",
                "TRANSACTION STAT[] -> +OK 2 320 => TRANSACTION",
                "TRANSACTION LIST[] -> +OK 2 messages body{lines=[1 120, 2 200] n=2 octets=14 term=true gap=false}"
                        + " => TRANSACTION",
                "TRANSACTION UIDL[] -> +OK  body{lines=[1 abc, 2 def] n=2 octets=14 term=true gap=false}"
                        + " => TRANSACTION",
                "TRANSACTION RETR[1] -> +OK 120 octets body{lines=[] n=4 octets=31 term=true gap=false "
                        + "data=Subject: hi\\r\\n\\r\\n.dot line\\r\\nbody\\n} => TRANSACTION",
                "TRANSACTION TOP[2 0] -> +OK  body{lines=[] n=2 octets=16 term=true gap=false "
                        + "data=Subject: two\\r\\n\\r\\n} => TRANSACTION",
                "TRANSACTION DELE[1] -> +OK deleted => TRANSACTION",
                "TRANSACTION QUIT[] -> +OK bye => UPDATE",
                "END closed=true encrypted=false");
        Pop3Body mail = d.exchanges.get(6).reply().body();
        assertThat(mail.octets()).isEqualTo(MAIL.length());
        assertThat(mail.origin().totalLength()).isEqualTo(MAIL_STUFFED.length()); // stuffed, "." line excluded
    }

    @Test
    void splittingAnyChunkAtAnyOffsetGivesTheSameResult() {
        List<Chunk> chunks = conversation();
        List<String> expected = run(chunks, -1, 0).events;
        int runs = 0;
        for (int i = 0; i < chunks.size(); i++) {
            int len = chunks.get(i).text().length();
            for (int at = 1; at < len; at++) {
                assertThat(run(chunks, i, at).events).as("chunk %d split at %d", i, at).isEqualTo(expected);
                runs++;
            }
        }
        assertThat(runs).isGreaterThan(300);
    }

    @Test
    void byteByByteGivesTheSameResult() {
        List<Chunk> chunks = conversation();
        List<String> expected = run(chunks, -1, 0).events;
        Pop3Driver d = new Pop3Driver(40000, 110, true);
        for (Chunk c : chunks) {
            for (byte b : c.text().getBytes(StandardCharsets.ISO_8859_1)) {
                d.send(c.server() ? d.server : d.client, new byte[] {b});
            }
        }
        assertThat(d.close().events).isEqualTo(expected);
    }

    @Test
    void pipelinedCommandsPairInOrder() {
        Pop3Driver d = new Pop3Driver(40000, 110, false)
                .server(GREETING).client("USER bob\r\n").server("+OK\r\n").client("PASS pw\r\n")
                .server("+OK\r\n")
                .client("STAT\r\nLIST\r\nUIDL 2\r\nNOOP\r\n")
                .server("+OK 2 30\r\n+OK\r\n1 10\r\n2 20\r\n.\r\n+OK 2 xyz\r\n+OK\r\n")
                .client("QUIT\r\n").server("+OK\r\n").close();
        assertThat(d.exchanges).extracting(Pop3Exchange::verb)
                .containsExactly("", "USER", "PASS", "STAT", "LIST", "UIDL", "NOOP", "QUIT");
        assertThat(d.exchanges.get(4).reply().body().lines()).containsExactly("1 10", "2 20");
        assertThat(d.exchanges.get(5).reply().text()).isEqualTo("2 xyz");
        assertThat(d.exchanges.get(5).reply().body()).isNull();
        assertThat(d.anomalies).isEmpty();
    }

    @Test
    void saslContinuationLinesStayInsideTheirAuthExchange() {
        Pop3Driver d = new Pop3Driver(40000, 110, false)
                .server(GREETING).client("AUTH LOGIN\r\n").server("+ VXNlcm5hbWU6\r\n").client("Ym9i\r\n")
                .server("+ UGFzc3dvcmQ6\r\n").client("*\r\n").server("-ERR cancelled\r\n")
                .client("AUTH CRAM-MD5\r\n").server("+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UuZXhhbXBsZS5uZXQ+\r\n")
                .client("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw\r\n").server("+OK\r\n").close();
        assertThat(d.exchanges).hasSize(3);
        Pop3Exchange cancelled = d.exchanges.get(1);
        assertThat(cancelled.sasl()).extracting(SaslStep::text)
                .containsExactly("VXNlcm5hbWU6", "Ym9i", "UGFzc3dvcmQ6", "*");
        assertThat(cancelled.sasl().get(3).cancel()).isTrue();
        assertThat(cancelled.stateAfter()).isEqualTo(Pop3State.AUTHORIZATION);
        assertThat(d.exchanges.get(2).sasl()).hasSize(2);
        assertThat(d.exchanges.get(2).stateAfter()).isEqualTo(Pop3State.TRANSACTION);
        assertThat(d.anomalyCodes()).as("only the -ERR of the cancelled AUTH").containsExactly("pop3.reply.error");
    }

    @Test
    void wrongStateLowercaseUnknownAndGarbageAreAnomalies() {
        Pop3Driver d = new Pop3Driver(40000, 110, false)
                .server(GREETING)
                .client("stat\r\n").server("-ERR not logged in\r\n")
                .client("XYZZY 1\r\n").server("-ERR what?\r\n")
                .client("\u0001\u0002\u0003\r\n")
                .server("\u0000binary\r\n")
                .client("USER a\r\n").server("+OK\r\n").client("PASS b\r\n").server("+OK\r\n")
                .client("QUIT\r\n").server("+OK\r\n")
                .client("NOOP\r\n").close();
        assertThat(d.anomalyCodes()).containsExactly(
                "pop3.command.lowercase", "pop3.command.wrong_state", "pop3.reply.error",
                "pop3.command.unknown", "pop3.reply.error",
                "pop3.line.garbage", "pop3.line.garbage",
                "pop3.command.unanswered", "pop3.command.wrong_state");
        assertThat(d.exchanges.get(d.exchanges.size() - 2).stateAfter()).isEqualTo(Pop3State.UPDATE);
        assertThat(d.exchanges.get(d.exchanges.size() - 1).reply()).isNull();
    }

    @Test
    void afterStlsTheRestIsTlsAndNotRead() {
        Pop3Driver d = new Pop3Driver(40000, 110, false);
        d.server(GREETING).client("STLS\r\n").server("+OK Begin TLS\r\n");
        d.send(d.client, new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, '\n', 0x01, 0x00});
        d.send(d.server, new byte[] {0x16, 0x03, 0x03, 0x00, 0x5a, '\n', 0x02, 0x00, '\r', '\n'});
        d.close();
        assertThat(d.anomalyCodes()).containsExactly("pop3.stls.tls");
        assertThat(d.exchanges).hasSize(2);
        assertThat(d.exchanges.get(1).stateAfter()).isEqualTo(Pop3State.ENCRYPTED);
        assertThat(d.ends).singleElement().satisfies(e -> assertThat(e.encrypted()).isTrue());
    }

    @Test
    void aGapInsideAMailIsFlaggedAndTheNextReplyStillPairs() {
        Pop3Driver d = new Pop3Driver(40000, 110, true)
                .server(GREETING).client("USER a\r\n").server("+OK\r\n").client("PASS b\r\n").server("+OK\r\n")
                .client("RETR 1\r\n").server("+OK\r\nline one\r\nline t");
        d.gap(d.server, 500);
        d.server("ail of a lost part\r\nlast line\r\n.\r\n").client("QUIT\r\n").server("+OK\r\n").close();
        Pop3Body body = d.exchanges.get(3).reply().body();
        assertThat(body.gap()).isTrue();
        assertThat(body.terminated()).isTrue();
        assertThat(body.complete()).isFalse();
        assertThat(d.exchanges.get(4).verb()).isEqualTo("QUIT");
        assertThat(d.exchanges.get(4).stateAfter()).isEqualTo(Pop3State.UPDATE);
        assertThat(d.anomalyCodes()).containsExactly("pop3.stream.gap");
    }

    @Test
    void aMissingTerminatorEndsAtTheNextStatusLineOnceTheClientMovedOn() {
        Pop3Driver d = new Pop3Driver(40000, 110, false)
                .server(GREETING).client("USER a\r\n").server("+OK\r\n").client("PASS b\r\n").server("+OK\r\n")
                .client("RETR 1\r\n").server("+OK\r\nSubject: x\r\n\r\nbody\r\n")
                .client("QUIT\r\n").server("+OK bye\r\n").close();
        assertThat(d.exchanges.get(3).reply().body().terminated()).isFalse();
        assertThat(d.exchanges.get(4).reply().text()).isEqualTo("bye");
        assertThat(d.anomalyCodes()).containsExactly("pop3.multiline.unterminated");
    }

    @Test
    void aStatusLineInsideAMailIsContentWhileTheClientWaits() {
        Pop3Driver d = new Pop3Driver(40000, 110, true)
                .server(GREETING).client("USER a\r\n").server("+OK\r\n").client("PASS b\r\n").server("+OK\r\n")
                .client("RETR 1\r\n").server("+OK\r\nSubject: x\r\n\r\n").server("+OK this is text\r\n.\r\n")
                .client("QUIT\r\n").server("+OK\r\n").close();
        Pop3Body body = d.exchanges.get(3).reply().body();
        assertThat(new String(body.data(), StandardCharsets.US_ASCII)).endsWith("+OK this is text\r\n");
        assertThat(d.anomalies).isEmpty();
    }

    @Test
    void bareLineFeedsAndCutOffSessionsAreHandled() {
        Pop3Driver d = new Pop3Driver(40000, 110, true)
                .server("+OK hi\n").client("USER a\n").server("+OK\n").client("PASS b\n").server("+OK\n")
                .client("RETR 1\n").server("+OK\nabc\n..\n");
        d.finish();
        Pop3Exchange retr = d.exchanges.get(3);
        assertThat(new String(retr.reply().body().data(), StandardCharsets.US_ASCII)).isEqualTo("abc\n.\n");
        assertThat(retr.reply().body().terminated()).isFalse();
        assertThat(d.anomalyCodes()).containsExactly("pop3.multiline.cut_off");
        assertThat(d.ends).singleElement().satisfies(e -> assertThat(e.closed()).isFalse());
    }

    @Test
    void overLongLinesAreBoundedAndMailBytesKept() {
        var limits = new dev.parley.decode.Limits(64, 1024, 4096, 1 << 20, 1 << 20, 16, 1, 16, 100, 1_000_000);
        String longLine = "x".repeat(200);
        Pop3Driver d = new Pop3Driver(40000, 110, true, limits)
                .server(GREETING).client("USER a\r\n").server("+OK\r\n").client("PASS b\r\n").server("+OK\r\n")
                .client("RETR 1\r\n").server("+OK\r\n" + longLine + "\r\n.\r\n")
                .client("USER " + longLine + "\r\n").server("-ERR\r\n").close();
        assertThat(new String(d.exchanges.get(3).reply().body().data(), StandardCharsets.US_ASCII))
                .isEqualTo(longLine + "\r\n");
        assertThat(d.anomalyCodes()).contains("pop3.line.too_long");
    }

    @Test
    void pendingCommandsAreBounded() {
        var limits = new dev.parley.decode.Limits(1024, 1024, 4096, 1 << 20, 1 << 20, 16, 1, 4, 100, 1_000_000);
        Pop3Driver d = new Pop3Driver(40000, 110, false, limits).server(GREETING);
        List<String> noops = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            noops.add("NOOP\r\n");
        }
        d.client(String.join("", noops)).close();
        assertThat(d.anomalyCodes()).filteredOn(c -> c.equals("pop3.pending.overflow")).hasSize(6);
        assertThat(d.exchanges).hasSize(11);
    }
}
