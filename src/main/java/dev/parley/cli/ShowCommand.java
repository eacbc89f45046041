package dev.parley.cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
@Command(name = "show") final class ShowCommand implements Callable<Integer> { public Integer call() { return 0; } }
