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

/** The task waits for the frame being prepared to be drawn: it runs on the FX thread, pulses later, once. */
class FrameTickerTest extends ApplicationTest {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("frames"), 200, 100));
        stage.show();
    }

    @Test
    void theTaskRunsOnTheFxThreadAfterTheNextPulses() throws Exception {
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
            FrameTicker.afterNextFrameDrawn(() -> {
                runs.incrementAndGet();
                assertThat(Platform.isFxApplicationThread()).isTrue();
                pulsesWhenRun.complete(pulses.get());
            });
        });
        // both timers see the same pulses; the task comes with the third (the counter may be called after it there)
        assertThat(pulsesWhenRun.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2);
        int seen = pulses.get();
        while (pulses.get() < seen + 5) {
            Thread.sleep(20);
        }
        assertThat(runs.get()).isEqualTo(1);
    }
}
