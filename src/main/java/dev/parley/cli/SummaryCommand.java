package dev.parley.cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
@Command(name = "summary") final class SummaryCommand implements Callable<Integer> { public Integer call() { return 0; } }
