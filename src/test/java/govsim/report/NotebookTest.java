package govsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govsim notebook}: valid nbformat 4 JSON with the provenance, the loading code and the
 * plots; paths that find the folder from the repository root and from notebooks-export/; no silent
 * overwriting; code that avoids pandas and matplotlib APIs newer than Debian 12's. Running the
 * notebook is {@code .ci/notebook-check.sh}'s job; here the code cells are at most parsed.
 */
class NotebookTest {
  @TempDir static Path tmp;

  static Path run;
  static Path comparison;
  static Path grid;

  @BeforeAll
  static void folders() throws IOException {
    run = ReportFixtures.run(tmp);
    comparison = ReportFixtures.comparison(tmp);
    grid = ReportFixtures.gridSweep(tmp);
  }

  record Cell(String type, String source) {}

  static List<Cell> cells(Path notebook) throws IOException {
    JsonObject nb =
        JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8))
            .getAsJsonObject();
    assertEquals(4, nb.get("nbformat").getAsInt());
    assertTrue(nb.get("nbformat_minor").getAsInt() >= 4);
    assertEquals(
        "python3",
        nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString());
    List<Cell> out = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (JsonElement e : nb.getAsJsonArray("cells")) {
      JsonObject c = e.getAsJsonObject();
      String type = c.get("cell_type").getAsString();
      assertTrue(type.equals("markdown") || type.equals("code"), type);
      String id = c.get("id").getAsString();
      assertTrue(
          id.matches("[a-zA-Z0-9-_]{1,64}") && !ids.contains(id), "nbformat 4.5 cell id " + id);
      ids.add(id);
      assertTrue(c.get("metadata").isJsonObject());
      if (type.equals("code")) {
        assertTrue(c.get("execution_count").isJsonNull(), "not executed");
        assertEquals(0, c.getAsJsonArray("outputs").size(), "no outputs");
      }
      JsonArray src = c.getAsJsonArray("source");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < src.size(); i++) {
        String line = src.get(i).getAsString();
        assertTrue(i == src.size() - 1 || line.endsWith("\n"), "source lines end in newlines");
        sb.append(line);
      }
      out.add(new Cell(type, sb.toString()));
    }
    return out;
  }

  static String code(List<Cell> cells) {
    StringBuilder sb = new StringBuilder();
    for (Cell c : cells) if (c.type().equals("code")) sb.append(c.source()).append('\n');
    return sb.toString();
  }

  /** The value of a Python string assignment NAME = "..." in the code (or null for None). */
  static String assigned(String code, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + name + " = (None|\"(?:[^\"\\\\]|\\\\.)*\")$").matcher(code);
    assertTrue(m.find(), name + " is assigned");
    return m.group(1).equals("None") ? null : JsonParser.parseString(m.group(1)).getAsString();
  }

  @Test
  void comparisonNotebookRecordsProvenanceLoadsTheCsvFilesAndPlots() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("repo"));
    Path nb = work.resolve("notebooks-export/compare.ipynb");
    ReportFixtures.Outcome o =
        ReportFixtures.notebook(comparison.toString(), "--out", nb.toString());
    assertEquals(0, o.code(), o.err());
    List<Cell> cells = cells(nb);
    assertEquals("markdown", cells.get(0).type());
    String intro = cells.get(0).source();
    JsonObject m = ReportTest.manifest(comparison);
    assertTrue(intro.contains(m.get("scenario_sha256").getAsString()), "scenario hash");
    assertTrue(intro.contains(m.get("git_commit").getAsString()), "commit");
    assertTrue(intro.contains(m.get("govsim_version").getAsString()), "version");
    assertTrue(intro.contains("--reps 2"), "command");
    assertTrue(intro.contains("master seed " + m.get("master_seed").getAsString()), "seed");
    String code = code(cells);
    for (String f : List.of("comparison.csv", "paired_differences.csv", "timeseries_mean.csv")) {
      assertTrue(code.contains("pd.read_csv(DATA / \"" + f + "\")"), "loads " + f);
    }
    // runs: runs.parquet where pyarrow or fastparquet is installed, runs.csv otherwise.
    assertTrue(code.contains("runs = read_table(\"runs\", \"runs.csv\")"), "loads runs");
    assertTrue(code.contains("fill_between"), "interval bands");
    assertTrue(code.contains("errorbar"), "forest plots");
    assertTrue(
        cells.stream()
            .anyMatch(c -> c.type().equals("markdown") && c.source().contains("notebooks-export/")),
        "a markdown cell explains the paths");
    checkPaths(code, comparison, nb.getParent());
    assertEquals(
        comparison.toAbsolutePath().normalize(),
        nb.getParent().resolve(assigned(code, "FOLDER_FROM_NOTEBOOK")).normalize());
    checkOldApisOnly(code);
    checkPythonSyntax(nb);
  }

  @Test
  void runAndSweepNotebooksToo() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("kinds"));
    for (Path folder : List.of(run, grid)) {
      Path nb = work.resolve(folder.getFileName() + ".ipynb");
      assertEquals(0, ReportFixtures.notebook(folder.toString(), "--out", nb.toString()).code());
      String code = code(cells(nb));
      checkPaths(code, folder, work);
      checkOldApisOnly(code);
      checkPythonSyntax(nb);
    }
    String sweepCode = code(cells(work.resolve("grid.ipynb")));
    assertTrue(sweepCode.contains("timeseries.csv.gz") && sweepCode.contains("aggregate.csv"));
    assertTrue(sweepCode.contains("imshow"), "heat maps");
    String runCode = code(cells(work.resolve("run.ipynb")));
    assertTrue(runCode.contains("timeseries.csv") && runCode.contains("summary.csv"));
  }

  /** The absolute path is the folder's; the one from the notebook's folder leads there too. */
  static void checkPaths(String code, Path folder, Path notebookDir) {
    assertEquals(folder.toAbsolutePath().normalize().toString(), assigned(code, "FOLDER_ABSOLUTE"));
    String rel = assigned(code, "FOLDER_FROM_NOTEBOOK");
    assertFalse(Path.of(rel).isAbsolute());
    assertEquals(folder.toAbsolutePath().normalize(), notebookDir.resolve(rel).normalize());
    assertTrue(code.contains("GOVSIM_DATA"), "overridable");
  }

  /** Nothing newer than pandas 1.5 / matplotlib 3.6, nothing beyond pandas, numpy, matplotlib. */
  static void checkOldApisOnly(String code) {
    for (String bad :
        List.of(
            ".map(",
            "include_groups",
            "pd.options.future",
            "future.",
            "import pyarrow",
            "from pyarrow",
            "seaborn",
            "plotly",
            "scipy",
            "matplotlib.colormaps",
            "get_cmap(",
            "case_when",
            "DataFrame.map")) {
      assertFalse(code.contains(bad), "uses " + bad);
    }
    // Parquet is optional: read only through read_table, when an engine imports, CSV otherwise.
    int parquet = code.indexOf("pd.read_parquet(");
    if (parquet >= 0) {
      assertEquals(parquet, code.lastIndexOf("pd.read_parquet("), "one read_parquet call");
      assertTrue(
          code.lastIndexOf("if PARQUET and pq.is_file():", parquet) >= 0, "guarded by PARQUET");
    }
    Matcher imports = Pattern.compile("(?m)^\\s*(?:import|from) (\\w+)").matcher(code);
    while (imports.find()) {
      assertTrue(
          List.of("json", "os", "pathlib", "numpy", "pandas", "matplotlib")
              .contains(imports.group(1)),
          "imports only the standard library, numpy, pandas, matplotlib: " + imports.group(1));
    }
  }

  /** Parses every code cell with the system's Python, if there is one (skipped otherwise). */
  static void checkPythonSyntax(Path notebook) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "no /usr/bin/python3 here");
    Process p =
        new ProcessBuilder(
                python.toString(),
                "-c",
                "import ast, json, sys\n"
                    + "for c in json.load(open(sys.argv[1], encoding='utf-8'))['cells']:\n"
                    + "    if c['cell_type'] == 'code':\n"
                    + "        ast.parse(''.join(c['source']))\n",
                notebook.toString())
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "code cells parse: " + out);
  }

  @Test
  void defaultNameGetsASuffixInsteadOfOverwritingAndOutIsRefused() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    NotebookWriter.Written first = NotebookWriter.write(comparison, null, false, work);
    assertEquals(
        work.resolve("notebooks-export")
            .resolve(comparison.getParent().getFileName() + "-compare.ipynb")
            .toAbsolutePath()
            .normalize(),
        first.file());
    assertFalse(first.renamed());
    String before = Files.readString(first.file());
    NotebookWriter.Written second = NotebookWriter.write(comparison, null, false, work);
    assertTrue(second.renamed());
    assertTrue(
        second.file().getFileName().toString().endsWith("-compare-2.ipynb"),
        second.file().toString());
    assertEquals(before, Files.readString(first.file()), "first notebook untouched");
    NotebookWriter.Written forced = NotebookWriter.write(comparison, null, true, work);
    assertEquals(first.file(), forced.file());
    // The folder is not under the working directory: no repository-relative path, only the others.
    assertNull(assigned(code(cells(first.file())), "FOLDER_FROM_REPO_ROOT"));
    ReportFixtures.Outcome refused =
        ReportFixtures.notebook(comparison.toString(), "--out", first.file().toString());
    ReportTest.expectBadInput(refused, "already exists");
    assertEquals(
        0,
        ReportFixtures.notebook(comparison.toString(), "--out", first.file().toString(), "--force")
            .code());
  }

  @Test
  void repositoryRelativePathWhenTheFolderIsUnderTheWorkingDirectory() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("checkout"));
    Path results = repo.resolve("results").resolve("tiny");
    ReportTest.copyTree(comparison, results.resolve("compare-seed-1"));
    NotebookWriter.Written w =
        NotebookWriter.write(results.resolve("compare-seed-1"), null, false, repo);
    assertEquals(
        repo.resolve("notebooks-export/tiny-compare-seed-1.ipynb").toAbsolutePath().normalize(),
        w.file());
    String code = code(cells(w.file()));
    assertEquals("results/tiny/compare-seed-1", assigned(code, "FOLDER_FROM_REPO_ROOT"));
    assertEquals("../results/tiny/compare-seed-1", assigned(code, "FOLDER_FROM_NOTEBOOK"));
  }
}
