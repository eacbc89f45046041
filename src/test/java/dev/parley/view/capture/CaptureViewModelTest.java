package dev.parley.view.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.capture.live.Privileges;
import dev.parley.capture.live.SaveFormat;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture form's validation and the start/stop/save cycle (no window needed: plain JavaFX properties). */
class CaptureViewModelTest {
    private final List<FrameSource> shown = new ArrayList<>();
    private final CaptureViewModel vm = new CaptureViewModel((frames, file, name) -> shown.add(frames));

    @Test
    void theFormSaysWhatKeepsStartFromGoing() {
        assertThat(vm.problemProperty().get()).contains("interface");
        vm.chosenInterfaces().setAll("lo");
        assertThat(vm.problemProperty().get()).isEmpty();
        vm.snaplenProperty().set("0");
        assertThat(vm.problemProperty().get()).contains("Snapshot length");
        vm.snaplenProperty().set("9x");
        assertThat(vm.problemProperty().get()).contains("Snapshot length");
        vm.snaplenProperty().set("1500");
        vm.ringMegabytesProperty().set("ten");
        assertThat(vm.problemProperty().get()).contains("Ring size");
        vm.ringMegabytesProperty().set("10");
        vm.filterProperty().set("udp port 5060 and");
        assertThat(vm.problemProperty().get()).contains("invalid capture filter \"udp port 5060 and\"");
        assertThat(vm.start()).isFalse();
        assertThat(vm.messageProperty().get()).contains("invalid capture filter");
        assertThat(shown).isEmpty();
        vm.filterProperty().set("udp port 5060");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.options().ring().maxBytes()).isEqualTo(10L << 20);
        assertThat(vm.options().snaplen()).isEqualTo(1500);
    }

    @Test
    void startFeedsTheMainWindowAndUnsavedFramesAreTrackedUntilSaved(@TempDir Path dir) throws Exception {
        Privileges p = Privileges.current();
        assumeTrue(p.canCapture(), "no capture permission, live view model test skipped: " + p.advice());
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        vm.chosenInterfaces().setAll("lo");
        vm.filterProperty().set("udp port " + port);
        assertThat(vm.start()).as(vm.messageProperty().get()).isTrue();
        try {
            assertThat(vm.runningProperty().get()).isTrue();
            assertThat(shown).hasSize(1);
            try (DatagramSocket s = new DatagramSocket()) {
                for (int i = 0; i < 4; i++) {
                    s.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, InetAddress.getLoopbackAddress(), port));
                }
            }
            FrameSource frames = shown.get(0);
            for (int i = 0; i < 4; i++) {
                Frame f = frames.next();
                assertThat(f.number()).isEqualTo(i + 1);
            }
            vm.stop();
            assertThat(frames.next()).as("the source ends when the capture stops").isNull();
            frames.close();
            vm.refresh();
            assertThat(vm.statsProperty().get().received()).isEqualTo(4);
            assertThat(vm.countersProperty().get()).contains("Received 4").contains("Kernel drops 0")
                    .contains("Parley drops 0");
            assertThat(vm.unsavedProperty().get()).isTrue();
            assertThat(vm.save(dir.resolve("c.pcapng"), SaveFormat.PCAPNG, null)).isEqualTo(4);
            assertThat(vm.unsavedProperty().get()).isFalse();
        } finally {
            vm.shutdown();
        }
        assertThat(vm.unsavedProperty().get()).isFalse();
    }
}
