package dev.parley.app;

import dev.parley.cli.ParleyCommand;
import javafx.application.Application;

/**
 * Entry point of target/parley.jar; not an Application subclass so that {@code java -jar} works with JavaFX on the
 * class path. A CLI subcommand (summary, show, stats, bench, help, -h, --version...) runs headless; anything else
 * opens the window: with a capture given, that file, else the bundled sample.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && ParleyCommand.isCommand(args[0])) {
            System.exit(ParleyCommand.run(args));
        }
        LoggingStart.begin(); // on another core while JavaFX starts, not later on the FX thread
        Application.launch(Parley.class, args);
    }
}
