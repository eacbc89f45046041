package dev.parley.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** The task waits two pulses after the one being prepared: it runs on the FX thread, in the third pulse, once. */
class FrameTickerTest extends ApplicationTest {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("frames"), 200, 100));
        stage.show();
    }

    @Test
    void theTaskRunsOnTheFxThreadInTheThirdPulse() throws Exception {
        AtomicInteger pulses = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Integer> pulsesWhenRun = new CompletableFuture<>();
        Platform.runLater(() -> {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.incrementAndGet();
                }
            }.start();
            FrameTicker.afterNextFrameLaidOut(() -> {
                runs.incrementAndGet();
                assertThat(Platform.isFxApplicationThread()).isTrue();
                pulsesWhenRun.complete(pulses.get());
            });
        });
        // timers are called in the order they were started: the counter has counted the third pulse already
        assertThat(pulsesWhenRun.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        int seen = pulses.get();
        while (pulses.get() < seen + 5) {
            Thread.sleep(20);
        }
        assertThat(runs.get()).isEqualTo(1);
    }
}
