package dev.parley.cli;

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

    /** Names of the subcommands, so the launcher can tell a command from a file name. */
    public static boolean isCommand(String arg) {
        return new CommandLine(new ParleyCommand()).getSubcommands().containsKey(arg)
                || arg.startsWith("-");
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
