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
          + " warm-up and prints medians, as wall time and as CPU time: stepping, the users' phase"
          + " alone (user-days per second), peak heap, bytes per user, and a plain struct-of-arrays"
          + " reference loop. In the same command it runs the kernel's Mesa 3.3.1 peer (--mesa-dir)"
          + " with Debian's Python, interleaved with fresh `govsim run`s of the kernel, and prints"
          + " both ratios: stepping against stepping, whole process against whole process"
          + " (skipped, with the reason, when the peer or Python's packages are missing). Then a"
          + " scaling table: time per step and bytes per user for 10^4 ... 10^7 users"
          + " (--scale-max-users) and for attention rates 0.002, 0.02 and 0.2 a day. Quote medians"
          + " and ratios from one run.",
      "",
      "With --game: the game engine instead (govsim game): exact analysis of DSAIR, of the"
          + " three-population trust game and of a 4 x 3 synthetic game, and agent-based imitation"
          + " events per second on one thread."
    })
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = {"-n", "--reps"},
      paramLabel = "N",
      defaultValue = "5",
      description = "Measured repetitions per scenario (default: ${DEFAULT-VALUE}).")
  int reps;

  /**
   * Five, because two did not reach the JIT's steady state: with two warm-ups the kernel's five
   * measured runs still spread from 0.068 to 0.126 s and three runs of the command gave medians of
   * 0.107, 0.094 and 0.070 s; with six, 0.062-0.073 s and medians 0.068 and 0.062 s (2 December
   * 2026, idle machine). The fresh-JVM figures of the side-by-side section, which include the JIT,
   * do not depend on it.
   */
  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "5",
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
      names = "--mesa-dir",
      defaultValue = "../shared/peers/mesa",
      paramLabel = "DIR",
      description =
          "The Mesa peer: market_kernel.py and Mesa's source (default: ${DEFAULT-VALUE}).")
  Path mesaDir;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      paramLabel = "FILE",
      description = "Python that runs the peer (default: ${DEFAULT-VALUE}).")
  Path python;

  /**
   * Five: the whole-process ratio is a median of fresh runs whose wall time varies by a tenth from
   * run to run on this machine, and three were too few to separate 73x from 83x in successive runs
   * of the command. Each pair costs about 4 s (the peer steps --mesa-days, not the whole horizon).
   */
  @Option(
      names = "--mesa-reps",
      defaultValue = "5",
      description =
          "Runs of the peer, each interleaved with a fresh govsim run of the kernel (default: ${DEFAULT-VALUE}; 0: skip the peer).")
  int mesaReps;

  @Option(
      names = "--mesa-days",
      defaultValue = "30",
      description =
          "Days the peer steps; its cost per day is flat, so its stepping is scaled to the kernel's horizon (default: ${DEFAULT-VALUE}).")
  int mesaDays;

  @Option(
      names = "--scale-max-users",
      defaultValue = "10000000",
      description = "Largest population of the scaling table (default: ${DEFAULT-VALUE}).")
  int scaleMaxUsers;

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
    if (reps < 1 || warmup < 0 || mesaReps < 0 || mesaDays < 1 || scaleMaxUsers < 1) {
      spec.commandLine()
          .getErr()
          .println(
              "govsim bench: --reps, --mesa-days and --scale-max-users must be at least 1,"
                  + " --warmup and --mesa-reps at least 0");
      return Main.BAD_INPUT;
    }
    try {
      Benchmark bench =
          new Benchmark(spec.commandLine().getOut(), reps, warmup).withScalingUpTo(scaleMaxUsers);
      if (mesaReps > 0) bench.withMesa(python, mesaDir, mesaDays, mesaReps);
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
