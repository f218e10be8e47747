package govsim.cli;

import govsim.experiment.bench.Benchmark;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `govsim bench`: the speed and memory benchmarks (issue 2 item 10). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure govsim's speed and memory on this machine.",
      "",
      "Runs the market kernel (scenarios/bench/market-kernel.yaml, the model of"
          + " shared/bench/market-kernel.md) and the baseline scenario several times after a"
          + " warm-up and prints medians: wall time of stepping, user-days per second (whole step"
          + " and the users' phase alone), peak heap, bytes per user, and a plain struct-of-arrays"
          + " reference loop. Quote medians and ratios from one run; the machine should be"
          + " otherwise idle.",
      "",
      "With --game: the game engine instead (govsim game): exact analysis of DSAIR, of the"
          + " three-population trust game and of a 4 x 3 synthetic game, and agent-based imitation"
          + " events per second on one thread."
    })
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--reps",
      paramLabel = "N",
      defaultValue = "5",
      description = "Measured repetitions per scenario (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "2",
      description = "Unmeasured warm-up runs per scenario (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--kernel",
      paramLabel = "SCENARIO",
      defaultValue = "scenarios/bench/market-kernel.yaml",
      description = "Kernel scenario (default: ${DEFAULT-VALUE}).")
  Path kernel;

  @Option(
      names = "--baseline",
      paramLabel = "SCENARIO",
      defaultValue = "scenarios/baseline.yaml",
      description = "Baseline scenario (default: ${DEFAULT-VALUE}).")
  Path baseline;

  @Option(
      names = "--sweep",
      description =
          "Measure sweeps instead: runs per minute on 1 and 2 threads, parallel efficiency, per-run set-up.")
  boolean sweep;

  @Option(
      names = "--sweep-file",
      paramLabel = "SWEEP",
      defaultValue = "scenarios/sweeps/switching-x-lag.yaml",
      description = "Sweep timed by --sweep (default: ${DEFAULT-VALUE}).")
  Path sweepFile;

  @Option(
      names = "--engine",
      defaultValue = "local",
      paramLabel = "ENGINE",
      description =
          "With --sweep: 'spark' measures the Spark engine's overhead per run against the local engine (needs the Spark build: see docs/cluster.md).")
  String engine;

  @Option(
      names = "--game",
      description =
          "Measure the game engine instead (exact analysis time, imitation events per second).")
  boolean game;

  @Option(
      names = "--dsair",
      paramLabel = "FILE",
      defaultValue = "scenarios/games/dsair.yaml",
      description = "DSAIR game file timed by --game (default: ${DEFAULT-VALUE}).")
  Path dsair;

  @Option(
      names = "--trust",
      paramLabel = "FILE",
      defaultValue = "scenarios/games/trust-regulation.yaml",
      description = "Three-population game file timed by --game (default: ${DEFAULT-VALUE}).")
  Path trust;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (reps < 1 || warmup < 0) {
      spec.commandLine()
          .getErr()
          .println("govsim bench: --reps must be at least 1 and --warmup at least 0");
      return Main.BAD_INPUT;
    }
    try {
      Benchmark bench = new Benchmark(spec.commandLine().getOut(), reps, warmup);
      if (game) {
        govsim.game.GameBench.run(spec.commandLine().getOut(), dsair, trust, reps, warmup);
      } else if (sweep && "spark".equals(engine)) {
        govsim.experiment.sweep.SparkBridge.bench(sweepFile, 2, 16, spec.commandLine().getOut());
      } else if (sweep) {
        bench.sweeps(sweepFile, baseline);
      } else {
        bench.runAll(kernel, baseline);
      }
      return 0;
    } catch (govsim.experiment.sweep.SparkBridge.Unavailable e) {
      spec.commandLine().getErr().println("govsim bench: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (govsim.scenario.ScenarioException e) {
      spec.commandLine().getErr().println(e.format());
      return Main.BAD_INPUT;
    } catch (govsim.game.ExactAnalysis.Reducible e) {
      spec.commandLine().getErr().println("govsim bench: " + e.getMessage());
      return Main.BAD_INPUT;
    }
  }
}
