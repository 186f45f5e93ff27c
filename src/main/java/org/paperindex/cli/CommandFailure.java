package org.paperindex.cli;

/** A command that failed in an expected way: one-line message, specific exit code. */
public class CommandFailure extends RuntimeException {
  private final int exitCode;

  public CommandFailure(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
