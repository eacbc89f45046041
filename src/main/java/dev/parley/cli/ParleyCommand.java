package dev.parley.cli;

/** Placeholder until the CLI lands. */
public final class ParleyCommand {
    private ParleyCommand() {
    }

    public static int run(String[] args) {
        return 0;
    }
}
