package dev.parley.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the command line: {@code java -jar parley.jar <command> ...}. The subcommands are added when a run
 * needs them: {@code parley stats FILE} builds picocli's model of {@code stats} only, the root's help and
 * {@code help} build all of them.
 */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = ParleyCommand.Version.class,
        description = "Parley: SIP and POP3 capture analyzer.")
public final class ParleyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The subcommands by name, in the order the usage lists them. Picocli reads a command's annotations when it is
     * added, about 10 ms a command in a fresh JVM, and its first CommandLine costs about 0.2 s: telling a command from
     * a file name needs no picocli (the window would pay for it for nothing), and a run adds only its own command.
     * CliTest checks these names against each command's annotation.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    /** The subcommands' names. */
    static final Set<String> COMMANDS = Collections.unmodifiableSet(SUBCOMMANDS.keySet());

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("summary", SummaryCommand::new);
        m.put("show", ShowCommand::new);
        m.put("stats", StatsCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("export", ExportCommand::new);
        m.put("export-mails", ExportMailsCommand::new);
        m.put("capture", CaptureCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** True for a subcommand's name or an option, false for anything else (a capture file for the window). */
    public static boolean isCommand(String arg) {
        return COMMANDS.contains(arg) || arg.startsWith("-");
    }

    public static int run(String... args) {
        CommandLine cl = commandLine(args.length > 0 ? args[0] : "");
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("parley: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }

    /** The command line for a run whose first argument is {@code first}: that subcommand only, or all of them. */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new ParleyCommand());
        if (SUBCOMMANDS.containsKey(first) && !"help".equals(first)) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        return cl;
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
