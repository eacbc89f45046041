package dev.parley.session.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Bytes;
import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.ProtocolRegistry;
import dev.parley.decode.Transport;
import dev.parley.decode.pop3.Pop3Protocol;
import dev.parley.decode.pop3.Pop3State;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions built from decoded exchanges: logins and their credential material, mailbox, mails, outcome. */
class Pop3SessionsTest {
    private static final Flow CLIENT = new Flow(Transport.TCP, new Endpoint(IpAddress.parse("192.0.2.1"), 40000),
            new Endpoint(IpAddress.parse("192.0.2.2"), 110));

    /** Alternating server / client lines (server first), one frame each, then both sides closed. */
    private static Pop3Session session(boolean close, String... serverThenClient) {
        Pop3Sessions sessions = new Pop3Sessions();
        Pop3Protocol p = new Pop3Protocol(Limits.DEFAULT, sessions, a -> { }, true);
        ProtocolRegistry r = new ProtocolRegistry(List.of(p), a -> { });
        long frame = 0;
        for (int i = 0; i < serverThenClient.length; i++) {
            byte[] b = serverThenClient[i].getBytes(StandardCharsets.UTF_8);
            frame++;
            r.streamData(i % 2 == 0 ? CLIENT.reversed() : CLIENT, Bytes.of(b), Origin.of(frame, frame * 1000, b.length),
                    frame, frame * 1_000_000);
        }
        if (close) {
            r.streamClosed(CLIENT, frame + 1, (frame + 1) * 1_000_000);
            r.streamClosed(CLIENT.reversed(), frame + 1, (frame + 1) * 1_000_000);
        }
        p.finish(frame + 1, (frame + 1) * 1_000_000);
        assertThat(sessions.sessions()).hasSize(1);
        return sessions.sessions().get(0);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userPassSessionWithMailboxDeletionsAndUpdate() {
        Pop3Session s = session(true,
                "+OK hello\r\n", "USER alice\r\n", "+OK\r\n", "PASS wrong\r\n", "-ERR no\r\n", "USER alice\r\n",
                "+OK\r\n", "PASS secret\r\n", "+OK\r\n", "STAT\r\n", "+OK 3 600\r\n", "LIST\r\n",
                "+OK\r\n1 100\r\n2 200\r\n3 300\r\n.\r\n", "UIDL 2\r\n", "+OK 2 uid-two\r\n", "RETR 2\r\n",
                "+OK\r\nSubject: =?UTF-8?B?w6l0w6k=?=\r\n\r\nhello\r\n.\r\n", "DELE 1\r\n", "+OK\r\n", "RSET\r\n",
                "+OK\r\n", "DELE 3\r\n", "+OK\r\n", "QUIT\r\n", "+OK bye\r\n");
        assertThat(s.logins()).extracting(Pop3Login::method, Pop3Login::user, Pop3Login::password,
                        Pop3Login::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuthMethod.USER_PASS, "alice", "wrong", AuthResult.FAILED),
                        org.assertj.core.groups.Tuple.tuple(AuthMethod.USER_PASS, "alice", "secret",
                                AuthResult.SUCCEEDED));
        assertThat(s.user()).isEqualTo("alice");
        assertThat(s.maildropMessages()).isEqualTo(3);
        assertThat(s.maildropOctets()).isEqualTo(600);
        assertThat(s.mailbox()).containsExactly(
                new MailboxEntry(1, 100, null, false, false),
                new MailboxEntry(2, 200, "uid-two", true, false),
                new MailboxEntry(3, 300, null, false, true));
        assertThat(s.deleted()).containsExactly(3);
        assertThat(s.reachedUpdate()).isTrue();
        assertThat(s.deletionsCommitted()).isTrue();
        assertThat(s.cutOff()).isFalse();
        assertThat(s.closed()).isTrue();
        assertThat(s.timeline()).extracting(Pop3StateChange::state)
                .containsExactly(Pop3State.AUTHORIZATION, Pop3State.TRANSACTION, Pop3State.UPDATE);
        assertThat(s.commandCount()).isEqualTo(12);
        assertThat(s.replyCount()).isEqualTo(13);
        assertThat(s.exchanges().get(1).responseTimeNanos()).isEqualTo(1_000_000);
        Mail mail = s.mails().get(0);
        assertThat(mail.number()).isEqualTo(2);
        assertThat(mail.partial()).isFalse();
        assertThat(mail.complete()).isTrue();
        assertThat(mail.bytesKept()).isTrue();
        assertThat(mail.session()).isSameAs(s);
        assertThat(s.outcome()).isEqualTo("UPDATE");
        assertThat(s.firstNanos()).isEqualTo(1_000_000);
    }

    @Test
    void saslCredentialsAreDecoded() {
        Pop3Session plain = session(true, "+OK\r\n", "AUTH PLAIN " + b64("\0bob\0pw1") + "\r\n", "+OK\r\n");
        assertThat(plain.login()).extracting(Pop3Login::method, Pop3Login::mechanism, Pop3Login::user,
                Pop3Login::password, Pop3Login::result)
                .containsExactly(AuthMethod.PLAIN, "PLAIN", "bob", "pw1", AuthResult.SUCCEEDED);

        Pop3Session login = session(true, "+OK\r\n", "AUTH LOGIN\r\n", "+ " + b64("Username:") + "\r\n",
                b64("carol") + "\r\n", "+ " + b64("Password:") + "\r\n", b64("pw2") + "\r\n", "-ERR bad\r\n");
        assertThat(login.login()).extracting(Pop3Login::method, Pop3Login::user, Pop3Login::password,
                Pop3Login::result).containsExactly(AuthMethod.LOGIN, "carol", "pw2", AuthResult.FAILED);

        Pop3Session cram = session(true, "+OK\r\n", "AUTH CRAM-MD5\r\n",
                "+ " + b64("<1896.697170952@postoffice.example.net>") + "\r\n",
                b64("tim b913a602c7eda7a495b4e6e7334d3890") + "\r\n", "+OK\r\n");
        assertThat(cram.login()).extracting(Pop3Login::method, Pop3Login::user, Pop3Login::challenge,
                Pop3Login::digest).containsExactly(AuthMethod.CRAM_MD5, "tim",
                "<1896.697170952@postoffice.example.net>", "b913a602c7eda7a495b4e6e7334d3890");

        Pop3Session cancelled = session(true, "+OK\r\n", "AUTH CRAM-MD5\r\n", "+ PDE+\r\n", "*\r\n",
                "-ERR cancelled\r\n");
        assertThat(cancelled.login().result()).isEqualTo(AuthResult.CANCELLED);

        Pop3Session apop = session(true, "+OK POP3 ready <1896.697170952@dbc.mindspring.com>\r\n",
                "APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n", "+OK\r\n");
        assertThat(apop.login()).extracting(Pop3Login::method, Pop3Login::user, Pop3Login::apopTimestamp,
                        Pop3Login::digest)
                .containsExactly(AuthMethod.APOP, "mrose", "<1896.697170952@dbc.mindspring.com>",
                        "c4c9334bac560ecc979e58001b3e22fb");
        assertThat(apop.apopTimestamp()).isEqualTo("<1896.697170952@dbc.mindspring.com>");
    }

    @Test
    void topIsAPartialMailAndASessionWithoutQuitIsCutOff() {
        Pop3Session s = session(false, "+OK\r\n", "USER a\r\n", "+OK\r\n", "PASS b\r\n", "+OK\r\n", "TOP 4 2\r\n",
                "+OK\r\nSubject: x\r\n\r\nl1\r\nl2\r\n.\r\n");
        Mail m = s.mails().get(0);
        assertThat(m.partial()).isTrue();
        assertThat(m.topLines()).isEqualTo(2);
        assertThat(m.number()).isEqualTo(4);
        assertThat(s.cutOff()).isTrue();
        assertThat(s.closed()).isFalse();
        assertThat(s.reachedUpdate()).isFalse();
        assertThat(s.outcome()).isEqualTo("CUT OFF (TRANSACTION)");
        assertThat(s.mailbox()).containsExactly(new MailboxEntry(4, -1, null, true, false));
    }
}
