package dev.parley.decode.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which connections are POP3: port 110, or off it the client's first command confirmed by a server status line. */
class Pop3DetectionTest {

    @Test
    void redisRepliesAreNotPop3() {
        Pop3Driver d = new Pop3Driver(50000, 6379, false)
                .client("*2\r\n$4\r\nAUTH\r\n$3\r\npwd\r\n").server("+OK\r\n")
                .client("*1\r\n$4\r\nPING\r\n").server("+PONG\r\n").close().finish();
        assertThat(d.events).isEmpty();
    }

    @Test
    void inlineRedisCommandsAreNotPop3Either() {
        // "AUTH pwd" is a POP3 verb, but the server's "+PONG" gives the server side up: nothing confirms POP3.
        Pop3Driver d = new Pop3Driver(50000, 6379, false)
                .client("AUTH pwd\r\n").server("+OK\r\n+PONG\r\n").client("PING\r\n").server("+PONG\r\n")
                .close().finish();
        assertThat(d.events).isEmpty();
    }

    @Test
    void ftpUserOffPort110IsNotPop3() {
        Pop3Driver d = new Pop3Driver(50000, 21, false)
                .server("220 FTP ready\r\n").client("USER anonymous\r\n").server("331 password please\r\n")
                .client("PASS x\r\n").server("230 ok\r\n").close().finish();
        assertThat(d.events).isEmpty();
    }

    @Test
    void pop3OnAnotherPortIsFoundByTheClientsCommandAndKeepsItsOrder() {
        Pop3Driver d = new Pop3Driver(50000, 1110, false)
                .server("+OK ready\r\n").client("USER bob\r\n").server("+OK\r\n").client("PASS pw\r\n")
                .server("+OK\r\n").client("QUIT\r\n").server("+OK\r\n").close();
        assertThat(d.exchanges).extracting(Pop3Exchange::verb).containsExactly("", "USER", "PASS", "QUIT");
        assertThat(d.exchanges.get(0).greeting()).isTrue();
        assertThat(d.exchanges.get(3).stateAfter()).isEqualTo(Pop3State.UPDATE);
        // the greeting was handed over late (with the reply to USER): its frame is still its own
        assertThat(d.exchanges.get(0).reply().frame()).isEqualTo(1);
        assertThat(d.anomalies).isEmpty();
    }

    @Test
    void aCaptureStartingInsideASessionResynchronises() {
        Pop3Driver d = new Pop3Driver(50000, 110, false)
                .server("tail of a mail\r\n.\r\n+OK 1 200\r\n").client("DELE 1\r\n").server("+OK\r\n")
                .client("QUIT\r\n").server("+OK\r\n").close();
        // the first server bytes up to "+OK 1 200" are skipped; that reply has no command: unsolicited
        assertThat(d.exchanges).extracting(Pop3Exchange::verb).containsExactly("", "DELE", "QUIT");
        assertThat(d.exchanges.get(2).stateAfter()).isEqualTo(Pop3State.UPDATE).as("DELE implies TRANSACTION");
    }
}
