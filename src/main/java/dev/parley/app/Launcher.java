package dev.parley.app;

/** Entry point of target/parley.jar; not an Application subclass so that {@code java -jar} works with JavaFX. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(dev.parley.cli.ParleyCommand.run(args));
    }
}
