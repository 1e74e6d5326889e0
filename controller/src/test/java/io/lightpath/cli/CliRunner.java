package io.lightpath.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code bin/lightpath}'s command line in-process and keeps what the last run printed. */
public final class CliRunner {
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  /** Runs the CLI with {@code args}; returns its exit code. */
  public int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** Standard output of the last run. */
  public String out() {
    return out.toString();
  }

  /** Standard error of the last run. */
  public String err() {
    return err.toString();
  }
}
