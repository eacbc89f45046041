package dev.parley.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.diagram.LadderColumn;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Naming a ladder column through its header: right-click, type the alias, Enter; double-click shows it prefilled. */
class MainViewAliasTest extends ApplicationTest {
    private MainViewModel vm;
    private MainView view;

    @Override
    public void start(Stage stage) {
        vm = new MainViewModel();
        view = new MainView(vm);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
        vm.open(Path.of("samples", "sip-call-udp.pcap"));
    }

    @Override
    public void stop() {
        vm.shutdown();
    }

    private <T> T onFx(Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    private Point2D firstHeaderOnScreen() {
        return onFx(() -> view.ladder().localToScreen(view.ladder().columnHeaderPoint(0)));
    }

    @Test
    void rightClickOnAHeaderAsksForTheAliasAndTheColumnShowsIt() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> !vm.loadingProperty().get() && !vm.ladder().getModel().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        LadderColumn first = onFx(() -> vm.ladder().getModel().columns().get(0));
        assertThat(first.aliased()).isFalse();
        WritableImage before = onFx(() -> view.ladder().snapshot(null, null));

        moveTo(firstHeaderOnScreen());
        clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> view.aliasDialog() != null
                && view.aliasDialog().isShowing()));
        assertThat(onFx(() -> view.aliasDialog().getHeaderText())).isEqualTo("Alias for " + first.key());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> view.aliasDialog().getEditor().isFocused()));
        // write() sends KEY_TYPED without key codes, which headless Monocle drops: type the keys instead
        press(KeyCode.SHIFT);
        type(KeyCode.U, KeyCode.A, KeyCode.C);
        release(KeyCode.SHIFT);
        assertThat(onFx(() -> view.aliasDialog().getEditor().getText())).isEqualTo("UAC");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        LadderColumn renamed = onFx(() -> vm.ladder().getModel().columns().get(0));
        assertThat(renamed.label()).isEqualTo("UAC");
        assertThat(renamed.key()).isEqualTo(first.key());
        assertThat(onFx(() -> view.aliasDialog())).isNull();
        WritableImage after = onFx(() -> view.ladder().snapshot(null, null));
        assertThat(headerDiffers(before, after)).as("the header is redrawn with the alias").isTrue();

        // Double-click shows the current alias; clearing it restores the endpoint text.
        doubleClickOn(firstHeaderOnScreen(), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> view.aliasDialog() != null
                && view.aliasDialog().isShowing()));
        assertThat(onFx(() -> view.aliasDialog().getEditor().getText())).isEqualTo("UAC");
        interact(() -> view.aliasDialog().getEditor().clear());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> view.aliasDialog().getEditor().isFocused()));
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        LadderColumn restored = onFx(() -> vm.ladder().getModel().columns().get(0));
        assertThat(restored.label()).isEqualTo(first.key());
        assertThat(restored.aliased()).isFalse();
        assertThat(onFx(() -> vm.naming().endpointAliases().isEmpty())).isTrue();
    }

    private static boolean headerDiffers(WritableImage a, WritableImage b) {
        int h = (int) Math.min(40, Math.min(a.getHeight(), b.getHeight()));
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
