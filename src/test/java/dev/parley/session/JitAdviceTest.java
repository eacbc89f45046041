package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JitAdviceTest {
    @Test
    void hotSpotTakesTheDirectivesThatKeepTheCorrelatorOutOfC2AndTheByteLoopsOutOfTheirCallers()
            throws Exception {
        assertThat(JitAdvice.apply()).isTrue();
        String printed;
        try {
            printed = String.valueOf(JitAdvice.diagnosticCommand("compilerDirectivesPrint"));
        } finally {
            JitAdvice.diagnosticCommand("compilerDirectivesClear"); // the tests after this one keep C2
        }
        int correlator = printed.indexOf("dev/parley/session/sip/*.*");
        assertThat(correlator).as("the correlator's directive").isPositive();
        String afterMatch = printed.substring(printed.lastIndexOf("matching:", correlator));
        assertThat(afterMatch.substring(0, afterMatch.indexOf('\n')))
                .as("the session list's rows are made with it").contains("dev/parley/session/SessionSummary.*",
                        "dev/parley/view/sessions/SessionRow.*", "dev/parley/view/RowCopier.*",
                        "dev/parley/decode/sip/HeaderScan.scan", "dev/parley/decode/sip/SipSummary.from*",
                        "dev/parley/decode/sip/SipBatch.from*");
        String c2 = afterMatch.substring(afterMatch.indexOf("c2 directives:"));
        assertThat(c2.substring(0, c2.indexOf('\n', c2.indexOf("Exclude:")))).contains("Exclude:true");
        String header = printed.substring(printed.indexOf("matching: dev/parley/decode/sip/HeaderScan.header"));
        String headerC2 = header.substring(header.indexOf("c2 directives:"));
        assertThat(headerC2.substring(0, headerC2.indexOf("Enable:"))).contains(
                "-dev/parley/decode/sip/ViaScan.read", "-dev/parley/decode/sip/CSeqScan.read",
                "-dev/parley/decode/sip/TextCache.text", "-dev/parley/decode/sip/StartLine.indexOf");
        String everywhere = printed.substring(printed.indexOf("matching: *.*"));
        String everywhereC2 = everywhere.substring(everywhere.indexOf("c2 directives:"));
        assertThat(everywhereC2.substring(0, everywhereC2.indexOf("Enable:"))).as("the byte loops, called").contains(
                "-dev/parley/decode/sip/StartLine.indexOf", "-dev/parley/decode/sip/AsciiTable.find",
                "-dev/parley/decode/sip/SipBatch.copyParts", "-dev/parley/decode/sip/SipScanner.scanRow");
    }

    @Test
    void eachDirectiveIsCountedOnce() {
        assertThat(JitAdvice.directiveCount("[{match: [\"a/B.*\"], c2: {Exclude: true}}, {match: \"c/D.e\"}]"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
    }

    /** The tests run with the package opened, as parley.jar's manifest opens it: the MBean answers without a server. */
    @Test
    void theDiagnosticCommandMBeanAnswersWithoutThePlatformMBeanServer() {
        Object help = JitAdvice.directCommand("help");
        assertThat(String.valueOf(help)).contains("Compiler.directives_add");
    }
}
