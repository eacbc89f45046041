package dev.parley.app;

import dev.parley.view.ColumnNaming;
import dev.parley.view.MainView;
import dev.parley.view.MainViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Parley window: wires the main view and its view model, restores and saves the remembered layout, and opens the
 * capture of the command line (or the bundled sample).
 */
public final class Parley extends Application {
    private final AppPreferences preferences;
    private MainViewModel viewModel;
    private MainView view;
    private Stage stage;

    public Parley() {
        this(preferencesOnceLogging());
    }

    /** The user's preferences, once logging is started (their class has a logger; see {@link LoggingStart}). */
    private static AppPreferences preferencesOnceLogging() {
        LoggingStart.await();
        return AppPreferences.user();
    }

    /** For tests: remember the layout somewhere else than the user's preferences. */
    Parley(AppPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public void start(Stage primaryStage) {
        List<String> args = getParameters().getRaw();
        Path file = args.isEmpty() ? SampleCapture.locate() : Path.of(args.get(0));
        show(primaryStage, file);
    }

    /** Builds the window on {@code primaryStage} and starts loading {@code file} (none when null). */
    public MainView show(Stage primaryStage, Path file) {
        this.stage = primaryStage;
        viewModel = new MainViewModel();
        viewModel.recentFiles().setAll(preferences.recentFiles());
        viewModel.naming().mergePortsProperty().set(preferences.mergePorts());
        viewModel.naming().setAliases(preferences.endpointAliases());
        view = new MainView(viewModel);
        view.themeProperty().set(preferences.theme());
        view.setOnQuit(() -> {
            if (view.confirmDiscardCapture()) {
                primaryStage.close();
                Platform.exit();
            }
        });
        primaryStage.setOnCloseRequest(e -> {
            if (!view.confirmDiscardCapture()) {
                e.consume(); // unsaved live capture: the user chose to keep the window
            }
        });
        primaryStage.setTitle("Parley");
        primaryStage.getIcons().setAll(AppIcons.load());
        viewModel.fileProperty().addListener((o, a, f) -> {
            if (primaryStage.isShowing()) {
                primaryStage.setTitle(f == null ? "Parley" : f.getFileName() + " \u2014 Parley");
            }
        });
        Scene scene = new Scene(view, 1400, 900);
        primaryStage.setScene(scene);
        preferences.restoreWindow(primaryStage);
        preferences.restoreDividers(view.splitPanes());
        primaryStage.setOnHiding(e -> saveAndStop());
        primaryStage.show();
        view.sessionList().focusTable();
        if (file != null) {
            viewModel.open(file);
        }
        return view;
    }

    /** The view model of the window (tests drive it). */
    public MainViewModel viewModel() {
        return viewModel;
    }

    @Override
    public void stop() {
        saveAndStop();
    }

    private void saveAndStop() {
        if (viewModel == null) {
            return;
        }
        ColumnNaming naming = viewModel.naming();
        preferences.save(stage, view.splitPanes(), view.themeProperty().get(), naming.mergePortsProperty().get(),
                viewModel.recentFiles(), naming.endpointAliases());
        view.shutdownCapture();
        viewModel.shutdown();
        viewModel = null;
    }
}
