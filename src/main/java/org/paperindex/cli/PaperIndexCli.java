package org.paperindex.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code paperindex} command line: {@code serve | harvest | import | show | search | status}.
 * Every command takes {@code --config FILE} and {@code -Dkey=value}; exit code 0 on success,
 * non-zero with a one-line error otherwise.
 */
@Command(
    name = "paperindex",
    mixinStandardHelpOptions = true,
    version = "paperindex 0.1.0",
    description = "A searchable, always-fresh index of arXiv preprints.",
    subcommands = {
      ServeCommand.class,
      HarvestCommand.class,
      ImportCommand.class,
      BenchCommand.class,
      ShowCommand.class,
      SearchCommand.class,
      StatusCommand.class,
      QuarantineCommand.class,
      FetchCommand.class,
      AffiliationsCommand.class,
      LinksCommand.class,
      EvaluateCommand.class,
      ReindexCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PaperIndexCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new PaperIndexCli());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          PrintWriter err = cmd.getErr();
          err.println("error: " + oneLine(ex));
          err.flush();
          if (Boolean.getBoolean("paperindex.debug")) {
            ex.printStackTrace(err);
          }
          return ex instanceof CommandFailure f ? f.exitCode() : 1;
        });
    return cl.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  static String oneLine(Throwable t) {
    // a failure inside a Camel route arrives wrapped; the operator wants the route's own error
    while (t instanceof org.apache.camel.CamelExecutionException && t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      m = t.getClass().getSimpleName();
    }
    // the root cause often says what the operator must fix ("No space left on device") while
    // the top message only says what failed ("cannot index 0908.0004")
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String r = root.getMessage();
    if (root != t && r != null && !r.isBlank() && !m.contains(r)) {
      m = m + ": " + r;
    }
    return m.replaceAll("\\s+", " ").strip();
  }
}
