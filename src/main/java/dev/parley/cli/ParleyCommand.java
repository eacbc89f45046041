package dev.parley.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code java -jar parley.jar <command> ...}. */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = ParleyCommand.Version.class,
        description = "Parley: SIP and POP3 capture analyzer.",
        subcommands = {SummaryCommand.class, ShowCommand.class, StatsCommand.class, BenchCommand.class,
                ExportCommand.class, ExportMailsCommand.class, CaptureCommand.class, CommandLine.HelpCommand.class})
public final class ParleyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The subcommands' names, written out so that telling a command from a file name needs no picocli: its first
     * CommandLine takes about 0.2 s in a fresh JVM, which opening the window would pay for nothing and a command
     * would pay twice. CliTest checks this list against picocli's.
     */
    static final Set<String> COMMANDS =
            Set.of("summary", "show", "stats", "bench", "export", "export-mails", "capture", "help");

    /** True for a subcommand's name or an option, false for anything else (a capture file for the window). */
    public static boolean isCommand(String arg) {
        return COMMANDS.contains(arg) || arg.startsWith("-");
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new ParleyCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("parley: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ParleyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"parley " + (v == null ? "dev" : v)};
        }
    }
}
