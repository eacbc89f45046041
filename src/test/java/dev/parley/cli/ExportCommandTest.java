package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.CaptureLoader;
import dev.parley.session.sip.SipSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley export} on the SIPp samples: every format, and the errors scripts rely on. */
class ExportCommandTest {
    private static final Path CALLS = Path.of("samples", "sip-call-udp.pcap");
    private static final String CALL = "1-17136@127.0.0.1";

    @TempDir
    Path dir;


    private Path export(String format, String... more) {
        Path out = dir.resolve("call." + format);
        String[] base = {"export", CALLS.toString(), "--call", CALL, "--format", format, "-o", out.toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        CliRun r = CliRun.run(args);
        assertThat(r.exit()).as("exit of %s: %s", format, r.err()).isZero();
        assertThat(r.out()).contains("wrote " + out);
        return out;
    }

    @Test
    void everyFormatWritesAFileWithTheCall() throws Exception {
        assertThat(Files.readString(export("svg"))).contains("<svg", ">INVITE<", ">180 Ringing<");
        assertThat(Files.readString(export("txt", "--legend"))).contains(" INVITE ", "setup time 0.410 s");
        assertThat(Files.readString(export("mermaid"))).startsWith("sequenceDiagram").contains("P0->>P1: INVITE");
        assertThat(Files.readString(export("plantuml"))).startsWith("@startuml").contains(" : 180 Ringing");
        assertThat(Files.readString(export("html"))).contains("<svg", "INVITE sip:", "setup time");
        assertThat(Files.readString(export("messages"))).contains("INVITE sip:").contains("BYE sip:");
        assertThat(Files.readString(export("csv"))).startsWith("index,call-id").contains(CALL);
        assertThat(Files.readString(export("json", "--columns", "call-id,state"))).contains("\"call-id\" : \"" + CALL);
        try (PDDocument pdf = Loader.loadPDF(export("pdf", "--legend").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("INVITE", "200 OK", "ended by caller: BYE");
        }
        int w1 = ImageIO.read(export("png").toFile()).getWidth();
        assertThat(ImageIO.read(export("png", "--scale", "2").toFile()).getWidth()).isBetween(2 * w1 - 2, 2 * w1);
        for (String f : List.of("pcap", "pcapng")) {
            List<SipSession> back = new CaptureLoader().load(export(f)).sip().sessions();
            assertThat(back).hasSize(1);
            assertThat(back.get(0).callId()).isEqualTo(CALL);
            assertThat(back.get(0).messages()).hasSize(7);
        }
    }

    @Test
    void allAndSeveralCallsGoInOneDiagram() throws Exception {
        Path out = dir.resolve("all.mmd");
        CliRun r = CliRun.run("export", CALLS.toString(), "--all", "--format", "mermaid", "-o", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(out).lines().filter(l -> l.contains("->>"))).hasSize(21);

        r = CliRun.run("export", CALLS.toString(), "--call", "1-17136@127.0.0.1", "--call", "2-17136@127.0.0.1",
                "--format", "mermaid", "-o", "-");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains("->>"))).hasSize(14);
    }

    @Test
    void redactHidesTheUsers() throws Exception {
        String text = Files.readString(export("messages", "--redact"));
        assertThat(text).doesNotContain("alice", "sip:bob@").contains("user-1");
    }

    @Test
    void unknownCallIdOrFormatExitsWithTwoAndNamesIt() {
        CliRun r = CliRun.run("export", CALLS.toString(), "--call", "nope@nowhere", "--format", "svg", "-o",
                dir.resolve("x.svg").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no session with Call-ID nope@nowhere");

        r = CliRun.run("export", CALLS.toString(), "--call", CALL, "--format", "gif", "-o", dir.resolve("x.gif").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown format 'gif'").contains("svg").contains("pcapng");

        r = CliRun.run("export", CALLS.toString(), "--format", "svg", "-o", dir.resolve("x.svg").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--call").contains("--all");

        r = CliRun.run("export", CALLS.toString(), "--call", CALL, "--format", "pcap", "--redact", "-o",
                dir.resolve("x.pcap").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--redact");
        assertThat(Files.exists(dir.resolve("x.svg"))).isFalse();
    }
}
