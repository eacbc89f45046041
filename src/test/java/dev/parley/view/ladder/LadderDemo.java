package dev.parley.view.ladder;

import dev.parley.diagram.LadderModel;
import dev.parley.diagram.LadderModelBuilder;
import dev.parley.diagram.LadderOptions;
import dev.parley.diagram.Samples;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows a sample's ladder in a window, for looking at the view under Xvfb:
 * {@code LadderDemo [sample.pcap] [dark] [merge] [select=N] [zoom=Z] [alias]}.
 */
public final class LadderDemo extends Application {

    public static void main(String[] args) {
        launch(LadderDemo.class, args);
    }

    @Override
    public void start(Stage stage) {
        java.util.List<String> args = getParameters().getRaw();
        String sample = args.stream().filter(a -> a.endsWith(".pcap") || a.endsWith(".pcapng")).findFirst()
                .orElse("sip-call-udp.pcap");
        java.util.List<dev.parley.session.sip.SipSession> sessions = sample.contains("/")
                ? Samples.sessions(java.nio.file.Path.of(sample)) : Samples.sessions(sample);
        for (String a : args) {
            if (a.startsWith("sessions=")) { // e.g. sessions=0,2
                java.util.List<dev.parley.session.sip.SipSession> chosen = new java.util.ArrayList<>();
                for (String i : a.substring(9).split(",")) {
                    chosen.add(sessions.get(Integer.parseInt(i)));
                }
                sessions = chosen;
            }
        }
        boolean merge = args.contains("merge");
        Map<String, String> aliases = args.contains("alias")
                ? Map.of("127.0.0.1:5070", "alice (SIPp UAC)", "127.0.0.1:5060", "bob (SIPp UAS)") : Map.of();
        LadderModel model = LadderModelBuilder.build(sessions, new LadderOptions(merge, aliases),
                Samples.KEPT_BYTES);
        LadderViewModel vm = new LadderViewModel();
        LadderView view = new LadderView(vm);
        vm.show(model);
        String size = args.stream().filter(a -> a.startsWith("size=")).findFirst().orElse("size=1000x720");
        String[] wh = size.substring(5).split("x");
        Scene scene = new Scene(view, Double.parseDouble(wh[0]), Double.parseDouble(wh[1]));
        if (args.contains("dark")) {
            view.getStyleClass().add("dark");
            scene.getStylesheets().add(LadderView.darkThemeCss());
        }
        for (String a : args) {
            if (a.startsWith("select=")) {
                vm.select(Integer.parseInt(a.substring(7)));
            } else if (a.startsWith("zoom=")) {
                vm.zoomProperty().set(Double.parseDouble(a.substring(5)));
            }
        }
        stage.setTitle("Parley ladder: " + sample);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        view.requestFocus();
        if (args.contains("exit")) {
            Platform.exit();
        }
    }
}
