package dev.parley.view.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.diagram.LadderModel;
import dev.parley.diagram.Samples;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

class LadderViewTest extends ApplicationTest {
    private final LadderViewModel vm = new LadderViewModel();
    private LadderView view;
    private LadderModel model;

    @Override
    public void start(Stage stage) {
        model = Samples.firstUdpCall();
        view = new LadderView(vm);
        vm.show(model);
        stage.setScene(new Scene(view, 900, 500));
        stage.sizeToScene(); // the primary stage is shared with earlier GUI tests that may have made it larger
        stage.show();
    }

    @Test
    void canvasDrawsTheLadder() {
        WritableImage shot = fx(() -> view.canvas().snapshot(null, null));
        PixelReader px = shot.getPixelReader();
        Color background = px.getColor((int) shot.getWidth() - 2, (int) shot.getHeight() - 2);
        int coloured = 0;
        int other = 0;
        for (int y = 0; y < shot.getHeight(); y += 2) {
            for (int x = 0; x < shot.getWidth(); x += 2) {
                Color c = px.getColor(x, y);
                if (!c.equals(background)) {
                    other++;
                }
                if (c.getSaturation() > 0.5 && c.getBrightness() > 0.3) {
                    coloured++; // arrows and labels in palette colours
                }
            }
        }
        assertThat(other).isGreaterThan(2000);
        assertThat(coloured).isGreaterThan(200);

        // The INVITE arrow's line is drawn in the first palette colour at its point.
        Point2D p = fx(() -> view.arrowPoint(0));
        assertThat(p).isNotNull();
        Color onLine = px.getColor((int) p.getX(), (int) Math.floor(p.getY()));
        assertThat(onLine.getHue()).isBetween(200.0, 225.0);
    }

    @Test
    void clickSelectsAndKeysWalk() {
        Point2D third = fx(() -> view.arrowPoint(2));
        clickOn(view.localToScreen(third.getX(), third.getY() - 10), MouseButton.PRIMARY);
        assertThat(vm.getSelectedIndex()).isEqualTo(2);
        assertThat(vm.getSelectedArrow().label()).isEqualTo("180 Ringing");

        type(KeyCode.DOWN);
        assertThat(vm.getSelectedArrow().label()).isEqualTo("200 OK");
        type(KeyCode.UP, 2);
        assertThat(vm.getSelectedIndex()).isEqualTo(1);
        type(KeyCode.END);
        assertThat(vm.getSelectedIndex()).isEqualTo(6);
        type(KeyCode.DOWN);
        assertThat(vm.getSelectedIndex()).isEqualTo(6);
    }

    @Test
    void zoomChangesTheDrawing() {
        Point2D before = fx(() -> view.arrowPoint(1));
        clickOn(view);
        type(KeyCode.ADD);
        assertThat(vm.getZoom()).isGreaterThan(1.0);
        Point2D after = fx(() -> view.arrowPoint(1));
        assertThat(after.getY()).isGreaterThan(before.getY());

        type(KeyCode.DIGIT0);
        assertThat(vm.getZoom()).isEqualTo(1.0);
        press(KeyCode.CONTROL);
        try {
            scroll(3, javafx.geometry.VerticalDirection.UP);
        } finally {
            release(KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.getZoom()).isNotEqualTo(1.0);
    }

    @Test
    void longLaddersScrollToKeepTheSelectionVisible() {
        LadderModel big = dev.parley.diagram.LadderModelBuilder.build(
                Samples.sessions("sip-call-udp.pcap"), dev.parley.diagram.LadderOptions.DEFAULT, Samples.KEPT_BYTES);
        LadderModel huge = new LadderModel(big.columns(), repeat(big, 300), big.firstTimestampNanos());
        interact(() -> vm.show(huge));
        assertThat(huge.arrows()).hasSize(21 * 300);

        interact(() -> vm.select(4000));
        assertThat(fx(() -> view.arrowPoint(4000))).isNotNull();
        assertThat(fx(() -> view.arrowPoint(0))).isNull();
        interact(() -> vm.select(10));
        assertThat(fx(() -> view.arrowPoint(10))).isNotNull();
        assertThat(view.canvas().getHeight()).isLessThanOrEqualTo(fx(() -> view.getHeight()));
    }

    @Test
    void darkThemeComesFromCss() {
        Color light = fx(() -> view.canvas().snapshot(null, null)).getPixelReader().getColor(890, 490);
        interact(() -> {
            view.getScene().getStylesheets().add(LadderView.darkThemeCss());
            view.getStyleClass().add("dark");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Color dark = fx(() -> view.canvas().snapshot(null, null)).getPixelReader().getColor(890, 490);

        assertThat(light.getBrightness()).isGreaterThan(0.9);
        assertThat(dark.getBrightness()).isLessThan(0.2);
    }

    @Test
    void newModelClearsTheSelection() {
        interact(() -> vm.select(3));
        assertThat(vm.getSelectedArrow()).isNotNull();
        interact(() -> vm.show(LadderModel.EMPTY));
        assertThat(vm.getSelectedArrow()).isNull();
        assertThat(vm.getSelectedIndex()).isEqualTo(-1);
        interact(vm::selectNext);
        assertThat(vm.getSelectedIndex()).isEqualTo(-1);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> task) {
        try {
            return WaitForAsyncUtils.asyncFx(task).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static java.util.List<dev.parley.diagram.LadderArrow> repeat(LadderModel m, int times) {
        java.util.List<dev.parley.diagram.LadderArrow> out = new java.util.ArrayList<>();
        long span = m.arrows().get(m.arrows().size() - 1).timestampNanos() - m.firstTimestampNanos() + 1_000_000;
        for (int t = 0; t < times; t++) {
            for (dev.parley.diagram.LadderArrow a : m.arrows()) {
                out.add(new dev.parley.diagram.LadderArrow(out.size(), a.from(), a.to(), a.label(), a.detail(),
                        a.timestampNanos() + t * span, a.deltaNanos(), a.colour() + 9 * t, a.resent(), a.sdp(),
                        a.message()));
            }
        }
        return out;
    }

    @Test
    void rightClickOnAColumnHeaderAsksToEditThatColumnOnly() {
        java.util.List<dev.parley.diagram.LadderColumn> edited = new java.util.ArrayList<>();
        interact(() -> view.setOnEditColumn(edited::add));
        Point2D header = fx(() -> view.columnHeaderPoint(1));
        assertThat(header).isNotNull();
        assertThat(fx(() -> view.columnAt(header.getX(), header.getY()))).isEqualTo(1);
        Point2D arrow = fx(() -> view.arrowPoint(0));
        assertThat(fx(() -> view.columnAt(arrow.getX(), arrow.getY()))).as("below the header").isEqualTo(-1);

        moveTo(fx(() -> view.localToScreen(header)));
        clickOn(MouseButton.SECONDARY);
        clickOn(fx(() -> view.localToScreen(arrow)), MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(edited).containsExactly(model.columns().get(1));
        interact(() -> view.setOnEditColumn(null));
    }
}
