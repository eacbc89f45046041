package dev.parley.app;

import dev.parley.view.MainView;
import dev.parley.view.MainViewModel;
import dev.parley.view.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Opens a capture in the real window with a theme, a selected row and a side tab, for screenshots under Xvfb (not a
 * test): {@code java ... dev.parley.app.ScreenshotLauncher FILE light|dark ROW TAB [SECONDS]}; take the screenshot
 * with ImageMagick's import while it waits, then it exits.
 */
public final class ScreenshotHarness extends Application {
    @Override
    public void start(Stage stage) {
        List<String> a = getParameters().getRaw();
        Preferences node = Preferences.userRoot().node("dev/parley/screenshots");
        Parley parley = new Parley(new AppPreferences(node));
        MainView view = parley.show(stage, Path.of(a.get(0)));
        view.themeProperty().set(Theme.parse(a.get(1)));
        MainViewModel vm = parley.viewModel();
        int row = Integer.parseInt(a.get(2));
        int tab = Integer.parseInt(a.get(3));
        vm.modelProperty().addListener((o, old, m) -> {
            if (m != null) {
                Platform.runLater(() -> {
                    view.sessionList().table().getSelectionModel().clearAndSelect(row);
                    view.sideTabs().getSelectionModel().select(tab);
                    view.ladder().requestFocus();
                });
            }
        });
        PauseTransition quit = new PauseTransition(Duration.seconds(a.size() > 4 ? Double.parseDouble(a.get(4)) : 20));
        quit.setOnFinished(e -> Platform.exit());
        quit.play();
    }
}

/** Starts {@link ScreenshotHarness} from a class that is not an Application. */
final class ScreenshotLauncher {
    private ScreenshotLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(ScreenshotHarness.class, args);
    }
}
