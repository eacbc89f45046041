package dev.parley.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivilegesTest {

    @Test
    void readsTheEffectiveUidThroughJnrAsTheKernelReportsIt() throws Exception {
        Privileges p = Privileges.current();
        // /proc/self/status "Uid:" line: real, effective, saved, fs
        String uidLine = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
        int effective = Integer.parseInt(uidLine.substring(4).strip().split("\\s+")[1]);
        assertThat(p.euid()).isEqualTo(effective);
        assertThat(p.effective()).isEqualTo(Privileges.capEffFromProc(Path.of("/proc/self/status")));
    }

    @Test
    void withoutNetRawTheAdviceNamesSetcapOnTheRuntimeAndNotRoot() {
        Privileges none = new Privileges(1000, 0);
        assertThat(none.canCapture()).isFalse();
        assertThat(none.advice()).contains("CAP_NET_RAW").contains("sudo setcap cap_net_raw,cap_net_admin=eip ")
                .contains("java").contains("uid 1000");
        Privileges capable = new Privileges(1000, 1L << Privileges.CAP_NET_RAW);
        assertThat(capable.canCapture()).isTrue();
        assertThat(capable.advice()).isEmpty();
        assertThat(new Privileges(0, -1).canCapture()).isTrue();
        assertThat(new Privileges(1000, -1).canCapture()).isFalse();
    }

    @Test
    void parsesCapEffFromAStatusFile(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nCapInh:\t0000000000000000\nCapEff:\t0000000000003000\n");
        assertThat(Privileges.capEffFromProc(status)).isEqualTo(0x3000L);
        Files.writeString(status, "Name:\tjava\n");
        assertThat(Privileges.capEffFromProc(status)).isEqualTo(-1);
    }
}
