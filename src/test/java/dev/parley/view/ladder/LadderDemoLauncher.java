package dev.parley.view.ladder;

/** Starts {@link LadderDemo} from the classpath (a main class that extends Application needs JavaFX modules). */
public final class LadderDemoLauncher {
    private LadderDemoLauncher() {
    }

    public static void main(String[] args) {
        LadderDemo.main(args);
    }
}
