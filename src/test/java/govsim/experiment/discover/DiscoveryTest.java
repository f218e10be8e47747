package govsim.experiment.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.CliTest;
import govsim.cli.CliTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * govsim discover end to end on a synthetic sweep folder (manifest.json and runs.csv as govsim
 * sweep writes them) with a planted box: a in [0, 10], b in [1, 8] (whole numbers); under hybrid,
 * harm_total is 10 plus 5 when a >= 7 and b <= 3; under distributed it is 11 everywhere. So
 * "harm_total > 12" and the contrast "hybrid - distributed > 0" both pick the planted box.
 */
class DiscoveryTest {
  private static Outcome exec(String... args) {
    return CliTest.exec(args);
  }

  @TempDir Path tmp;

  /** A sweep folder of n points x 2 regimes; one failed hybrid run (point 0). */
  static Path sweep(Path dir, int n) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("manifest.json"),
        """
        {"kind": "parameter sweep", "design": "lhs",
         "parameters": [{"key": "users.a"}, {"key": "cross_border.b"}, {"key": "firms.rule"}],
         "regimes": ["distributed", "hybrid"]}
        """);
    MersenneTwister rng = new MersenneTwister(5);
    List<String> lines = new ArrayList<>();
    lines.add(
        "run,point,users.a,cross_border.b,firms.rule,regime,replication,seed,status,harm_total,compliance_rate,error");
    int run = 0;
    for (int p = 0; p < n; p++) {
      double a = 10 * rng.nextDouble();
      int b = 1 + rng.nextInt(8);
      String rule = p % 2 == 0 ? "logit" : "fermi";
      boolean in = a >= 7 && b <= 3;
      lines.add(
          String.format(
              Locale.ROOT, "%d,%d,%s,%d,%s,distributed,0,%d,ok,11,0.5,", run++, p, a, b, rule, p));
      lines.add(
          p == 0
              ? String.format(
                  Locale.ROOT, "%d,%d,%s,%d,%s,hybrid,0,%d,failed,,,boom", run++, p, a, b, rule, p)
              : String.format(
                  Locale.ROOT,
                  "%d,%d,%s,%d,%s,hybrid,0,%d,ok,%s,0.5,",
                  run++,
                  p,
                  a,
                  b,
                  rule,
                  p,
                  in ? 15 : 10));
    }
    Files.write(dir.resolve("runs.csv"), lines);
    return dir;
  }

  private static Discovery.Request where(String w, String regime) {
    return new Discovery.Request(null, w, regime, -1, 0.05, 0.05, 0.8);
  }

  @Test
  void findsThePlantedBoxAndSaysSo() throws Exception {
    Path dir = sweep(tmp.resolve("s"), 600);
    Discovery.Analysis a = Discovery.analyse(dir, where("harm_total > 12", "hybrid"));
    assertEquals(599, a.x().length, "the failed run is left out");
    assertEquals(1, a.dropped());
    assertEquals(List.of("firms.rule"), a.left(), "not numeric");
    Prim.Box b = a.chosen();
    // The planted box exactly: bounds are data values, so a's lower bound is the smallest a >= 7
    // among the runs, b's upper bound 3; every case of interest inside, nothing else.
    double smallestA = Double.POSITIVE_INFINITY;
    for (double[] row : a.x()) if (row[0] >= 7) smallestA = Math.min(smallestA, row[0]);
    assertEquals(smallestA, b.low()[0]);
    assertEquals(3, b.high()[1]);
    assertEquals(1.0, b.density());
    assertEquals(1.0, b.coverage());
    assertEquals(a.prim().dataHigh()[0], b.high()[0], "a has no upper bound");
    assertEquals(1, b.low()[1], "b has no lower bound");
    assertTrue(
        a.significance()[0][0] < 1e-10 && a.significance()[1][1] < 1e-10,
        "both restrictions significant");
    // a first: dropping a's bound leaves b <= 3, 3/8 of the runs, density about 0.3; dropping b's
    // leaves a >= 7, 3/10 of them, density about 0.37; quasi-p = density^67, smaller for a.
    assertTrue(a.significance()[0][0] < a.significance()[1][1]);
    assertEquals(
        "harm_total > 12 when a is at least "
            + Discovery.short3(smallestA)
            + " and b is at most 3"
            + " (coverage 1.00, density 1.00, mass "
            + String.format(Locale.ROOT, "%.2f", b.mass())
            + "; box "
            + b.index()
            + " of "
            + (a.prim().boxes().size() - 1)
            + "; hybrid regime, 599 runs)",
        a.summary());
    assertTrue(a.summary().contains("hybrid regime, 599 runs"), a.summary());

    // The paired contrast picks the same box (hybrid - distributed = 4 inside, -1 outside).
    Discovery.Analysis c =
        Discovery.analyse(dir, where("harm_total[hybrid] - harm_total[distributed] > 0", null));
    assertEquals(599, c.x().length, "pairs with both runs ok");
    assertEquals(3, c.chosen().high()[1]);
    assertEquals(smallestA, c.chosen().low()[0]);
    assertTrue(
        c.summary().contains("paired regimes hybrid - distributed, 599 pairs of runs"),
        c.summary());

    // A quantile threshold: 10 in most runs (89%), 15 in the box, so the median is 10 and "> q0.5"
    // is the box.
    Discovery.Analysis q = Discovery.analyse(dir, where("harm_total > q0.5", "hybrid"));
    assertEquals(10, q.condition().threshold());
    assertEquals(0.5, q.condition().quantile());
    assertEquals(3, q.chosen().high()[1]);
  }

  @Test
  void commandWritesItsFilesAndRefusesToOverwrite() throws Exception {
    Path dir = sweep(tmp.resolve("s"), 300);
    Outcome o =
        exec(
            "discover",
            dir.toString(),
            "--regime",
            "hybrid",
            "--metric",
            "harm_total",
            "--where",
            "harm_total > 12");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().startsWith("harm_total > 12 when "), o.out());
    assertTrue(o.out().contains("left out (not numeric): firms.rule"), o.out());
    for (String f :
        List.of(
            "boxes.csv",
            "trajectory.csv",
            "tree.txt",
            "summary.txt",
            "discover.png",
            "discover.svg",
            "discover.csv")) {
      assertTrue(Files.size(dir.resolve("discover").resolve(f)) > 0, f);
    }
    List<String> traj = Files.readAllLines(dir.resolve("discover/trajectory.csv"));
    assertEquals(
        "box,step,coverage,density,mass,n,n_interest,restricted_dimensions,chosen", traj.get(0));
    assertTrue(traj.get(1).startsWith("0,start,1,"), traj.get(1));
    assertEquals(1, traj.stream().filter(l -> l.endsWith(",true")).count(), "one reported box");
    String boxes = Files.readString(dir.resolve("discover/boxes.csv"));
    assertTrue(
        boxes.startsWith(
            "box,step,chosen,coverage,density,mass,n,n_interest,parameter,low,high,restricted,"
                + "qp_low,qp_high\n"),
        boxes);
    String tree = Files.readString(dir.resolve("discover/tree.txt"));
    assertTrue(tree.contains("|-- users.a <= ") || tree.contains("|-- cross_border.b <= "), tree);
    Outcome again =
        exec("discover", dir.toString(), "--regime", "hybrid", "--where", "harm_total > 12");
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already exists; use --force"), again.err());
    assertEquals(
        0,
        exec(
                "discover",
                dir.toString(),
                "--regime",
                "hybrid",
                "--where",
                "harm_total > 12",
                "--box",
                "2",
                "--force")
            .code());
    assertTrue(
        Files.readAllLines(dir.resolve("discover/trajectory.csv")).get(3).endsWith(",true"),
        "box 2 reported");
  }

  @Test
  void badInputIsExplainedWithExitTwo() throws Exception {
    Path dir = sweep(tmp.resolve("s"), 100);
    String d = dir.toString();
    Outcome none = exec("discover", d, "--regime", "hybrid", "--where", "harm_total > 100");
    assertEquals(2, none.code());
    assertTrue(
        none.err()
            .contains(
                "no run has harm_total > 100; over the 99 runs used harm_total ranges from 10 to 15;"
                    + " choose another threshold"),
        none.err());
    Outcome all = exec("discover", d, "--regime", "hybrid", "--where", "harm_total >= 10");
    assertTrue(all.code() == 2 && all.err().contains("every run has harm_total >= 10"), all.err());
    Outcome unknown = exec("discover", d, "--regime", "hybrid", "--where", "harm_totl > 1");
    assertTrue(
        unknown.code() == 2
            && unknown.err().contains("unknown metric 'harm_totl'; did you mean 'harm_total'?"),
        unknown.err());
    Outcome bad = exec("discover", d, "--regime", "hybrid", "--where", "harm_total => 1");
    assertTrue(
        bad.code() == 2
            && bad.err().contains("bad --where \"harm_total => 1\": expected METRIC OP VALUE"),
        bad.err());
    Outcome q = exec("discover", d, "--regime", "hybrid", "--where", "harm_total > q1.5");
    assertTrue(
        q.code() == 2 && q.err().contains("a quantile qP needs P in [0, 1], found 1.5"), q.err());
    Outcome regimes = exec("discover", d, "--where", "harm_total > 12");
    assertTrue(
        regimes.code() == 2
            && regimes
                .err()
                .contains(
                    "the sweep ran 2 regimes (distributed, hybrid); choose one" + " with --regime"),
        regimes.err());
    Outcome mismatch =
        exec(
            "discover",
            d,
            "--regime",
            "hybrid",
            "--metric",
            "compliance_rate",
            "--where",
            "harm_total > 12");
    assertTrue(mismatch.code() == 2 && mismatch.err().contains("they must agree"), mismatch.err());
    Outcome box =
        exec("discover", d, "--regime", "hybrid", "--where", "harm_total > 12", "--box", "999");
    assertTrue(
        box.code() == 2 && box.err().contains("--box 999: the trajectory has boxes 0 to "),
        box.err());
    Outcome notSweep = exec("discover", tmp.toString(), "--where", "harm_total > 12");
    assertTrue(
        notSweep.code() == 2 && notSweep.err().contains("is not a finished sweep folder"),
        notSweep.err());
    for (Outcome o : List.of(none, all, unknown, bad, q, regimes, mismatch, box, notSweep)) {
      assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
    }
    assertFalse(Files.exists(dir.resolve("discover")), "bad input writes nothing");
  }
}
