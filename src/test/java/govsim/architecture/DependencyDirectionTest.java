package govsim.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Data flows one way (STYLE.md). This test reads the compiled classes of govsim (ArchUnit: every
 * import, field type, call, constructor and annotation counts, not only {@code import} lines) and
 * fails when an arrow points the wrong way or two packages depend on each other.
 *
 * <p>The layers, lowest first; a layer may use any layer below it, never one above or beside it:
 *
 * <pre>
 *   stats, scenario          foundation: plain statistics; YAML to validated records
 *   world                    the agents' state (may use scenario)
 *   mechanism                the rules M1-M12 over the world
 *   model                    the SimState and its phases
 *   observe                  metrics and run summaries (RunResult lives here: io and experiment
 *                            both hand it around)
 *   io                       CSV, manifest and folder writers
 *   game                     evolutionary games (issue 14, govsim game): a model of its own that
 *                            writes its outputs through io and is validated and swept by
 *                            experiment; it uses none of the agent-based world (rule below)
 *   experiment               single runs, sweeps, comparisons, validation; writes through io
 *   report, gui, spark       consumers beside each other: reports of results folders, the MASON
 *                            GUI, and the Spark sweep engine (src/spark, built by -Pspark; the
 *                            experiment layer finds it by class name only, so no arrow points up)
 *   cli                      the command line, on top of everything
 * </pre>
 *
 * The wording "{io, experiment}" is one tier in which experiment may use io (sweeps write
 * CSV through it) and io never uses experiment. A new top-level package must be placed here: the
 * rule fails on classes that are in no layer.
 *
 * <p>The Spark sources: the everyday build has no govsim.spark classes, so there the spark layer is
 * empty (optional). The Spark build ({@code mvn -Pspark test}, run by .ci/spark-check.sh) runs this
 * test too, with the engine compiled in, and sets {@code govsim.architecture.spark=required} so
 * that {@link #theSparkSourcesAreChecked} fails if they were not imported.
 */
@AnalyzeClasses(packages = "govsim", importOptions = DependencyDirectionTest.MainClassesOnly.class)
class DependencyDirectionTest {
  /**
   * Main classes only: test classes (target/test-classes, target/spark/test-classes) may use
   * anything.
   */
  static final class MainClassesOnly implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/");
    }
  }

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("stats")
          .definedBy("govsim.stats..")
          .layer("scenario")
          .definedBy("govsim.scenario..")
          .layer("world")
          .definedBy("govsim.world..")
          .layer("mechanism")
          .definedBy("govsim.mechanism..")
          .layer("model")
          .definedBy("govsim.model..")
          .layer("observe")
          .definedBy("govsim.observe..")
          .layer("io")
          .definedBy("govsim.io..")
          .layer("game")
          .definedBy("govsim.game..")
          .layer("experiment")
          .definedBy("govsim.experiment..")
          .layer("report")
          .definedBy("govsim.report..")
          .layer("gui")
          .definedBy("govsim.gui..")
          .optionalLayer("spark")
          .definedBy("govsim.spark..")
          .layer("cli")
          .definedBy("govsim.cli..")
          .whereLayer("stats")
          .mayOnlyBeAccessedByLayers(
              "scenario",
              "world",
              "mechanism",
              "model",
              "game",
              "observe",
              "io",
              "experiment",
              "report",
              "gui",
              "spark",
              "cli")
          .whereLayer("scenario")
          .mayOnlyBeAccessedByLayers(
              "world",
              "mechanism",
              "model",
              "game",
              "observe",
              "io",
              "experiment",
              "report",
              "gui",
              "spark",
              "cli")
          .whereLayer("world")
          .mayOnlyBeAccessedByLayers(
              "mechanism",
              "model",
              "game",
              "observe",
              "io",
              "experiment",
              "report",
              "gui",
              "spark",
              "cli")
          .whereLayer("mechanism")
          .mayOnlyBeAccessedByLayers(
              "model", "game", "observe", "io", "experiment", "report", "gui", "spark", "cli")
          .whereLayer("model")
          .mayOnlyBeAccessedByLayers(
              "observe", "io", "game", "experiment", "report", "gui", "spark", "cli")
          .whereLayer("observe")
          .mayOnlyBeAccessedByLayers("io", "game", "experiment", "report", "gui", "spark", "cli")
          .whereLayer("io")
          .mayOnlyBeAccessedByLayers("game", "experiment", "report", "gui", "spark", "cli")
          .whereLayer("game")
          .mayOnlyBeAccessedByLayers("experiment", "report", "gui", "spark", "cli")
          .whereLayer("experiment")
          .mayOnlyBeAccessedByLayers("report", "gui", "spark", "cli")
          .whereLayer("report")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("gui")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("spark")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("cli")
          .mayNotBeAccessedByAnyLayer()
          .ensureAllClassesAreContainedInArchitecture()
          .because(
              "data flows one way: scenario -> model -> observers -> writers -> experiments -> CLI (STYLE.md)");

  /**
   * No two top-level packages (io and experiment, say) use each other, directly or around a loop.
   */
  @ArchTest
  static final ArchRule noCyclesBetweenTopLevelPackages =
      slices().matching("govsim.(*)..").should().beFreeOfCycles();

  /** Nor do two packages at any depth (experiment, experiment.sweep and experiment.batch, say). */
  @ArchTest
  static final ArchRule noCyclesBetweenPackages =
      slices().matching("govsim.(**)").should().beFreeOfCycles();

  /**
   * Reports read results folders, never the model: a report of old results must not need the
   * model's classes.
   */
  @ArchTest
  static final ArchRule reportsReadResultsNotTheModel =
      noClasses()
          .that()
          .resideInAPackage("govsim.report..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("govsim.world..", "govsim.mechanism..", "govsim.model..");

  /**
   * The game engine stands apart from the agent-based world: it uses neither its state nor its
   * rules.
   */
  @ArchTest
  static final ArchRule gamesStandApartFromTheAgentBasedModel =
      noClasses()
          .that()
          .resideInAPackage("govsim.game..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("govsim.world..", "govsim.mechanism..", "govsim.model..");

  /**
   * The model runs headless (MASON's split: the GUI wraps the model, the model imports no Swing).
   */
  @ArchTest
  static final ArchRule simulationCoreIsHeadless =
      noClasses()
          .that()
          .resideInAnyPackage(
              "govsim.scenario..",
              "govsim.world..",
              "govsim.mechanism..",
              "govsim.model..",
              "govsim.observe..",
              "govsim.game..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javax.swing..", "java.awt..");

  /**
   * Randomness only from the run's seeded streams. java.util.Random, ThreadLocalRandom,
   * SplittableRandom and Math.random are never used; nor is the wall clock in milliseconds (the
   * usual seed of an unseeded generator; run times use System.nanoTime and Instant).
   */
  @ArchTest
  static final ArchRule noUnseededRandomness =
      noClasses()
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.Random")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.SplittableRandom")
          .orShould()
          .callMethod(Math.class, "random")
          .orShould()
          .callMethod(StrictMath.class, "random")
          .orShould()
          .callMethod(System.class, "currentTimeMillis");

  /**
   * MASON's generator built without a seed seeds itself from the clock: a method that builds one so
   * must also seed it ({@code new MersenneTwisterFast()} then {@code setSeed(...)}).
   */
  @ArchTest
  static final ArchRule masonGeneratorsAreSeeded =
      codeUnits()
          .should(
              new ArchCondition<JavaCodeUnit>(
                  "seed every MASON generator they build without a seed") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                  boolean unseeded =
                      unit.getConstructorCallsFromSelf().stream()
                          .anyMatch(
                              c ->
                                  isMasonGenerator(c.getTargetOwner())
                                      && c.getTarget().getRawParameterTypes().isEmpty());
                  boolean seeds =
                      unit.getMethodCallsFromSelf().stream()
                          .anyMatch(
                              c ->
                                  isMasonGenerator(c.getTargetOwner())
                                      && c.getName().equals("setSeed"));
                  if (unseeded && !seeds) {
                    events.add(
                        SimpleConditionEvent.violated(
                            unit,
                            unit.getFullName()
                                + " builds a MASON generator without a seed and does not seed it (it would seed itself from the clock)"));
                  }
                }
              });

  private static boolean isMasonGenerator(JavaClass c) {
    return c.getName().equals("ec.util.MersenneTwisterFast")
        || c.getName().equals("ec.util.MersenneTwister");
  }

  /**
   * A commons-math generator or distribution built without the run's generator seeds a Well19937c
   * from the clock (STYLE.md's trap): a generator needs a seed argument, a distribution a
   * RandomGenerator as its first argument (null where it is never sampled).
   */
  @ArchTest
  static final ArchRule commonsMathIsSeeded =
      noClasses()
          .should()
          .callConstructorWhere(
              describe(
                  "a commons-math generator without a seed or a distribution without a RandomGenerator",
                  (JavaConstructorCall call) -> {
                    JavaClass owner = call.getTargetOwner();
                    var params = call.getTarget().getRawParameterTypes();
                    if (owner.getPackageName().equals("org.apache.commons.math3.random")) {
                      return owner.isAssignableTo("org.apache.commons.math3.random.RandomGenerator")
                          && params.isEmpty();
                    }
                    if (owner.getPackageName().equals("org.apache.commons.math3.distribution")) {
                      return params.isEmpty()
                          || !params
                              .get(0)
                              .isAssignableTo("org.apache.commons.math3.random.RandomGenerator");
                    }
                    return false;
                  }));

  /** No static mutable state: two models must be able to share a JVM (sweeps use every core). */
  @ArchTest
  static final ArchRule noStaticMutableFields =
      noFields()
          .that()
          .areStatic()
          .should()
          .notBeFinal()
          .because(
              "everything hangs off one model instance, so runs can share a JVM (STYLE.md habit 1)");

  @ArchTest
  static void theSparkSourcesAreChecked(JavaClasses classes) {
    if (!"required".equals(System.getProperty("govsim.architecture.spark"))) return;
    assertTrue(
        classes.stream().anyMatch(c -> c.getPackageName().startsWith("govsim.spark")),
        "the Spark build runs this test but no govsim.spark class was imported");
  }
}
