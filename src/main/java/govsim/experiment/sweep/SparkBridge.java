package govsim.experiment.sweep;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The one place where the everyday build meets the optional Spark engine. The engine ({@code
 * govsim.spark.SparkSweepEngine}) is compiled only by the Spark build ({@code mvn -Pspark package},
 * giving {@code target/govsim-spark.jar}) and Spark itself is never bundled: a cluster provides it.
 * So {@code target/govsim.jar} stays small, and this class finds the engine by name at run time;
 * when the engine or Spark is missing it says how to get them, instead of a ClassNotFoundException.
 */
public final class SparkBridge {
  private SparkBridge() {}

  /** The Spark engine's class, in src/spark/java. */
  static final String ENGINE_CLASS = "govsim.spark.SparkSweepEngine";

  /** The Spark benchmark's class, in src/spark/java. */
  static final String BENCH_CLASS = "govsim.spark.SparkBench";

  /** A class every Spark 4 installation has. */
  static final String SPARK_CLASS = "org.apache.spark.SparkContext";

  /** What the Spark build compiles against. */
  public static final String BUILT_FOR = "Spark 4.2 for Scala 2.13";

  /** Spark cannot be used here; the message says why and how to get it. The CLI exits with 2. */
  public static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  /** True if this build has the Spark engine and Spark is on the class path. */
  public static boolean available() {
    return present(ENGINE_CLASS) && present(SPARK_CLASS);
  }

  /**
   * The Spark engine for {@code govsim sweep --engine spark}.
   *
   * @param master the Spark master URL ({@code --master}), or null: the one spark-submit gives,
   *     else {@code local[threads]}
   * @param threads cores of a local master
   * @param appName the Spark application's name
   * @throws Unavailable if this build has no Spark engine, Spark is not on the class path, or it is
   *     not the Spark the engine was built for
   */
  public static SweepEngine engine(String master, int threads, String appName) throws Unavailable {
    Object engine =
        invoke(
            ENGINE_CLASS,
            "forCommandLine",
            new Class<?>[] {String.class, int.class, String.class},
            master,
            threads,
            appName);
    return (SweepEngine) engine;
  }

  /**
   * Prints the Spark engine's per-run overhead against the local engine, for {@code govsim bench}
   * (see {@code govsim.spark.SparkBench#report}).
   *
   * @param sweepFile the sweep whose runs are timed
   * @param threads cores for both engines (local threads, local[threads])
   * @param maxRuns most runs timed per engine
   * @param out where the report goes
   * @throws Unavailable as for {@link #engine}
   * @throws Exception what the benchmark throws (an invalid sweep file: a ScenarioException)
   */
  public static void bench(Path sweepFile, int threads, int maxRuns, PrintWriter out)
      throws Exception {
    try {
      invoke(
          BENCH_CLASS,
          "report",
          new Class<?>[] {Path.class, int.class, int.class, PrintWriter.class},
          sweepFile,
          threads,
          maxRuns,
          out);
    } catch (WrappedFailure e) {
      throw (Exception) e.getCause();
    }
  }

  /** A checked exception thrown by the invoked method, carried through {@link #invoke}. */
  private static final class WrappedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrappedFailure(Exception cause) {
      super(cause);
    }
  }

  private static Object invoke(String className, String method, Class<?>[] types, Object... args)
      throws Unavailable {
    if (!present(className)) {
      throw new Unavailable(
          "the Spark engine is not in this build of govsim (target/govsim.jar leaves Spark out to"
              + " stay small). Build the Spark jar with: mvn -Pspark -DskipTests package (target/govsim-spark.jar), then"
              + " run it on a cluster with spark-submit, or try it on this machine with the one command in"
              + " docs/cluster.md");
    }
    if (!present(SPARK_CLASS)) {
      throw new Unavailable(
          "Spark is not on the class path: target/govsim-spark.jar leaves Spark out (a cluster"
              + " provides it). Run it with: spark-submit target/govsim-spark.jar sweep ..."
              + " ("
              + BUILT_FOR
              + "), or try it on this machine with the one command in docs/cluster.md");
    }
    try {
      Method m = Class.forName(className).getMethod(method, types);
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LinkageError le) throw mismatch(le);
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error err) throw err;
      throw new WrappedFailure((Exception) cause);
    } catch (LinkageError e) {
      throw mismatch(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the Spark engine of this build is broken: " + e, e);
    }
  }

  private static Unavailable mismatch(LinkageError e) {
    return new Unavailable(
        "the Spark on the class path does not fit this govsim, which was built for "
            + BUILT_FOR
            + " ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + "); use a Spark 4 (Scala 2.13) installation,"
            + " or rebuild with -Dspark.version=... (see docs/cluster.md)");
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, SparkBridge.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
