package dev.parley.view.callflow;

import dev.parley.decode.Limits;
import dev.parley.session.CaptureLoader;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import dev.parley.view.message.DetailNode;
import dev.parley.view.message.MessageDetailView;
import dev.parley.view.message.MessageDetailViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Shows the message detail or the call flow of a sample in a real window, for looking at them under Xvfb:
 * {@code ViewsDemo detail|flow capture sessionIndex [messageIndex] [out.png]}. With an output file it takes a
 * snapshot after the first layout and exits.
 */
public final class ViewsDemo extends Application {

    /** Entry point for {@code java -cp ...}: the launcher refuses a main class that extends Application. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(ViewsDemo.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> a = getParameters().getRaw();
        if (a.get(0).equals("raw")) {
            // raw message bytes from a file: ViewsDemo raw file.bin out.png
            MessageDetailViewModel vm = new MessageDetailViewModel();
            MessageDetailView view = new MessageDetailView(vm);
            vm.show(null, java.nio.file.Files.readAllBytes(Path.of(a.get(1))));
            Scene scene = new Scene(view, 1300, 820);
            String select = System.getProperty("select", "Called party number");
            Platform.runLater(() -> selectByLabel(view, view.treeView().getRoot(), select));
            stage.setScene(scene);
            stage.show();
            snapshotLater(scene, a.size() > 2 ? a.get(2) : null);
            return;
        }
        List<SipSession> sessions = new CaptureLoader(Limits.DEFAULT, true).load(Path.of(a.get(1))).sip().sessions();
        SipSession session = sessions.get(Integer.parseInt(a.get(2)));
        String out = null;
        Scene scene;
        if (a.get(0).equals("detail")) {
            MessageDetailViewModel vm = new MessageDetailViewModel();
            MessageDetailView view = new MessageDetailView(vm);
            SipMessageRef ref = session.messages().get(Integer.parseInt(a.get(3)));
            vm.show(ref, ref.bytes());
            scene = new Scene(view, 1300, 820);
            out = a.size() > 4 ? a.get(4) : null;
            String select = System.getProperty("select", "From");
            Platform.runLater(() -> selectByLabel(view, view.treeView().getRoot(), select));
        } else {
            CallFlowViewModel vm = new CallFlowViewModel();
            vm.show(session, SipMessageRef::bytes);
            scene = new Scene(new CallFlowView(vm), 900, 720);
            out = a.size() > 3 ? a.get(3) : null;
        }
        stage.setTitle("Parley views demo");
        stage.setScene(scene);
        stage.show();
        snapshotLater(scene, out);
    }

    private static void snapshotLater(Scene scene, String out) {
        if (out != null) {
            String file = out;
            new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Platform.runLater(() -> {
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", new File(file));
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                    if (!Boolean.getBoolean("stay")) {
                        Platform.exit();
                    }
                });
            }).start();
        }
    }

    private static boolean selectByLabel(MessageDetailView view, TreeItem<DetailNode> item, String label) {
        if (item == null) {
            return false;
        }
        if (item.getValue().label().equals(label)) {
            for (TreeItem<DetailNode> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            item.setExpanded(true);
            view.treeView().getSelectionModel().select(item);
            view.treeView().requestFocus();
            return true;
        }
        for (TreeItem<DetailNode> c : item.getChildren()) {
            if (selectByLabel(view, c, label)) {
                return true;
            }
        }
        return false;
    }
}
