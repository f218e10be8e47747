package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.ChildGovsim.Child;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, "data loss": {@code --force} never deletes what govsim did not write. The cases that
 * aim at the working or home folder run govsim in a child JVM whose working folder and home are
 * throw-away folders under {@link TempDir}, so that even the old, deleting behaviour could only
 * ever reach those.
 */
class ForceRuleTest {
  @TempDir Path tmp;

  Path work;
  Path home;
  Path scenario;
  Path notes;

  @BeforeEach
  void world() throws IOException {
    work = Files.createDirectories(tmp.resolve("work"));
    home = Files.createDirectories(tmp.resolve("home"));
    scenario = work.resolve("s.yaml");
    Files.writeString(scenario, "name: tiny\nusers:\n  count: 1500\ntime:\n  horizon_days: 40\n");
    notes = work.resolve("notes.txt");
    Files.writeString(notes, "the user's own notes\n");
    Files.writeString(
        work.resolve("sweep.yaml"),
        "base: s.yaml\ndesign: grid\nparameters:\n"
            + "  users.switching_cost_mean: [0.01, 0.5]\nreplications: 1\nregimes: [hybrid]\nseed: 3\n"
            + "metrics: [harm_total]\nrecord_every_steps: 20\n");
  }

  /** govsim in a child JVM, in the folder {@code work}, with {@code home} as the home folder. */
  Child govsim(String... args) throws IOException, InterruptedException {
    return new ChildGovsim(work, home, tmp).run(args);
  }

  private void assertWorkIntact(Child c) {
    assertEquals(2, c.code(), c.err());
    assertTrue(Files.isRegularFile(scenario), "the scenario file survives: " + c.err());
    assertTrue(Files.isRegularFile(notes), "the user's file survives: " + c.err());
    assertFalse(c.err().contains("Exception"), c.err());
  }

  @Test
  void runOutEmptyForceKeepsTheWorkingFolder() throws Exception {
    Child c = govsim("run", "s.yaml", "--out", "", "--force");
    assertWorkIntact(c);
    assertTrue(c.err().contains("the output folder is empty ('')"), c.err());
  }

  @Test
  void runOutDotForceKeepsTheWorkingFolder() throws Exception {
    Child c = govsim("run", "s.yaml", "--out", ".", "--force");
    assertWorkIntact(c);
    assertTrue(c.err().contains("is the working folder"), c.err());
  }

  @Test
  void compareOutEmptyForceKeepsTheWorkingFolder() throws Exception {
    Child c =
        govsim("compare", "s.yaml", "--regimes", "hybrid", "--reps", "2", "--out", "", "--force");
    assertWorkIntact(c);
    assertTrue(c.err().contains("the output folder is empty ('')"), c.err());
  }

  @Test
  void sweepOutEmptyForceKeepsTheWorkingFolder() throws Exception {
    Child c = govsim("sweep", "sweep.yaml", "--out", "", "--force", "--quiet");
    assertWorkIntact(c);
    assertTrue(c.err().contains("the output folder is empty ('')"), c.err());
    assertFalse(Files.exists(work.resolve(".sweep")), "no work area in the working folder");
  }

  @Test
  void forceRefusesTheHomeFolderAndFoldersAboveTheWorkingFolder() throws Exception {
    Files.writeString(home.resolve("thesis.tex"), "years of work\n");
    Child c = govsim("run", "s.yaml", "--out", home.toString(), "--force");
    assertEquals(2, c.code(), c.err());
    assertTrue(c.err().contains("is your home folder"), c.err());
    assertTrue(Files.isRegularFile(home.resolve("thesis.tex")));

    Child up = govsim("run", "s.yaml", "--out", "..", "--force");
    assertWorkIntact(up);
    assertTrue(up.err().contains("a folder that contains the working folder"), up.err());
    assertTrue(Files.isDirectory(home), "the sibling folder survives");
  }

  @Test
  void forceNeverReplacesAPlainFile() throws Exception {
    Child c = govsim("run", "s.yaml", "--out", "notes.txt", "--force");
    assertWorkIntact(c);
    assertTrue(c.err().contains("exists and is a file"), c.err());
    assertEquals("the user's own notes\n", Files.readString(notes));
  }

  @Test
  void forceRefusesAFolderGovsimDidNotWriteButReplacesItsOwn() throws Exception {
    Path mine = Files.createDirectories(work.resolve("mine"));
    Files.writeString(mine.resolve("data.csv"), "a,b\n1,2\n");
    Child c = govsim("run", "s.yaml", "--out", "mine", "--force");
    assertEquals(2, c.code(), c.err());
    assertTrue(c.err().contains("holds files that govsim did not write"), c.err());
    assertTrue(Files.isRegularFile(mine.resolve("data.csv")));
    // A manifest.json that is not govsim's is no licence either.
    Files.writeString(mine.resolve("manifest.json"), "{\"name\": \"my own manifest\"}\n");
    assertEquals(2, govsim("run", "s.yaml", "--out", "mine", "--force").code());
    assertTrue(Files.isRegularFile(mine.resolve("data.csv")));

    assertEquals(0, govsim("run", "s.yaml", "--out", "ours", "--quiet").code());
    Child again = govsim("run", "s.yaml", "--out", "ours", "--force", "--quiet");
    assertEquals(0, again.code(), again.err());
    assertTrue(Files.isRegularFile(work.resolve("ours/manifest.json")));
  }

  @Test
  void sweepAndMergeForceRefuseAFolderGovsimDidNotWrite() throws Exception {
    Path mine = Files.createDirectories(work.resolve("mine"));
    Files.writeString(mine.resolve("data.csv"), "a,b\n1,2\n");
    Child c = govsim("sweep", "sweep.yaml", "--out", "mine", "--force", "--quiet");
    assertEquals(2, c.code(), c.err());
    assertTrue(c.err().contains("holds files that govsim did not write"), c.err());
    assertTrue(Files.isRegularFile(mine.resolve("data.csv")));
    assertFalse(Files.exists(mine.resolve(".sweep")), "nothing written into the refused folder");

    assertEquals(
        0, govsim("sweep", "sweep.yaml", "--shard", "1/1", "--out", "shard", "--quiet").code());
    Child m = govsim("merge", "shard", "--out", "mine", "--force", "--no-report");
    assertEquals(2, m.code(), m.err());
    assertTrue(m.err().contains("holds files that govsim did not write"), m.err());
    assertTrue(Files.isRegularFile(mine.resolve("data.csv")));
  }

  @Test
  void reportForceKeepsAFiguresFolderGovsimDidNotWrite() throws Exception {
    assertEquals(0, govsim("run", "s.yaml", "--out", "run", "--quiet").code());
    Path figures = Files.createDirectories(work.resolve("figures"));
    Files.writeString(figures.resolve("holiday.jpg"), "a photo");
    Child c = govsim("report", "run", "--out", ".", "--force");
    assertWorkIntact(c);
    assertTrue(c.err().contains("refusing to replace the report"), c.err());
    assertTrue(Files.isRegularFile(figures.resolve("holiday.jpg")));

    Child own = govsim("report", "run", "--force", "--quiet");
    assertEquals(0, own.code(), own.err());
    Child twice = govsim("report", "run", "--force", "--quiet");
    assertEquals(0, twice.code(), "govsim's own report is replaced: " + twice.err());
  }

  @Test
  void notebookForceKeepsAFileGovsimDidNotWrite() throws Exception {
    assertEquals(0, govsim("run", "s.yaml", "--out", "run", "--quiet").code());
    Child c = govsim("notebook", "run", "--out", "notes.txt", "--force");
    assertWorkIntact(c);
    assertTrue(c.err().contains("not a notebook written by govsim"), c.err());
    assertEquals("the user's own notes\n", Files.readString(notes));

    assertEquals(0, govsim("notebook", "run", "--out", "nb.ipynb").code());
    Child again = govsim("notebook", "run", "--out", "nb.ipynb", "--force");
    assertEquals(0, again.code(), "govsim's own notebook is replaced: " + again.err());
  }
}
