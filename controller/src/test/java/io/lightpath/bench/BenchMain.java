package io.lightpath.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of this package. Arguments are JMH's own (for instance a benchmark
 * regex, {@code -f 1 -wi 2 -i 3}); without a regex every benchmark in io.lightpath.bench runs.
 * See docs/benchmarks.md for the exact command.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    OptionsBuilder b = new OptionsBuilder();
    if (cli.getIncludes().isEmpty()) {
      b.include("io\\.lightpath\\.bench\\..*");
    }
    Options opts = b.parent(cli).build();
    new Runner(opts).run();
  }
}
