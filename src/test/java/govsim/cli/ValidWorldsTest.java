package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.cli.CliTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, "valid scenarios that crash": worlds with unserved jurisdictions run; events that name
 * a firm or jurisdiction that does not exist are refused with the event's line and what exists,
 * instead of being dropped (or, for a firm, silently aimed at the largest one).
 */
class ValidWorldsTest {
  @TempDir Path tmp;

  private Path write(String text) throws Exception {
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, text);
    return f;
  }

  /** The value of a column of a one-row CSV. */
  private static String cell(Path csv, String column) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<String> head = List.of(lines.get(0).split(",", -1));
    return lines.get(1).split(",", -1)[head.indexOf(column)];
  }

  @Test
  void oneFirmInEightJurisdictionsRuns() throws Exception {
    Path s =
        write(
            "name: one\nusers: {count: 3000}\ntime: {horizon_days: 60}\nfirms: {count: 1}\n"
                + "cross_border: {jurisdictions: 8}\n");
    Outcome o =
        CliTest.exec("run", s.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
    assertEquals(0, o.code(), o.err());
    // One firm has the whole served market: the concentration of that market is 1.
    assertEquals("1", cell(tmp.resolve("out/summary.csv"), "hhi_final"));
  }

  @Test
  void sixtyFourJurisdictionsWhereNoFirmServesAbroadRun() throws Exception {
    Path s =
        write(
            "name: many\nusers: {count: 3000}\ntime: {horizon_days: 60}\n"
                + "cross_border: {jurisdictions: 64, serve_abroad_probability: 0}\n");
    Outcome o =
        CliTest.exec("run", s.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
    assertEquals(0, o.code(), o.err());
    assertFalse(o.err().contains("no firm serves"), o.err());
    double hhi = Double.parseDouble(cell(tmp.resolve("out/summary.csv"), "hhi_final"));
    assertTrue(hhi >= 1.0 / 20 && hhi <= 1, "20 firms share the served market: " + hhi);
  }

  @Test
  void eventNamingAFirmThatDoesNotExistIsRefused() throws Exception {
    Path s =
        write(
            "name: x\nfirms: {count: 3}\nevents:\n  - {type: capability_shock, at_day: 10}\n"
                + "  - type: adopt_practice\n    at_day: 100\n    firm: 7\n");
    Outcome o = CliTest.exec("validate", s.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(
        o.err()
            .contains(
                s
                    + ":7:11: events[1].firm: there is no firm 7: the scenario has 3 firms (ids 0 to"
                    + " 2); -1 means the firm with most users at that moment"),
        o.err());
  }

  @Test
  void eventNamingAJurisdictionThatDoesNotExistIsRefused() throws Exception {
    Path s =
        write(
            "name: x\ncross_border: {jurisdictions: 2}\nevents:\n"
                + "  - {type: enact_mandate, at_day: 10, mandate: signals, jurisdiction: 5}\n");
    Outcome o = CliTest.exec("validate", s.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(
        o.err()
            .contains(
                s
                    + ":4:71: events[0].jurisdiction: there is no jurisdiction 5: the scenario has 2"
                    + " jurisdictions (ids 0 to 1, set by cross_border.jurisdictions); -1 means all"),
        o.err());
  }

  /**
   * Issue 11 item 7: validate warns (exit 0, on stderr) when dt_days exceeds the largest step at
   * which a measured headline metric of the regime agreed with dt = 0.25 (the step-length study's
   * table, docs/validation.md); at dt = 0.25 it never warns.
   */
  @Test
  void validateWarnsAboveTheLargestAgreeingStep() throws Exception {
    java.util.OptionalDouble safe =
        govsim.experiment.validation.StepLengthStudy.safeStep(govsim.model.Regime.DISTRIBUTED);
    assertTrue(safe.isPresent(), "the step-length study has been measured");
    Path fine = write("name: x\nregime: distributed\ntime: {dt_days: 0.25}\n");
    Outcome ok = CliTest.exec("validate", fine.toString());
    assertEquals(0, ok.code(), ok.err());
    assertFalse(ok.err().contains("warning"), ok.err());
    double coarse = safe.getAsDouble() * 2;
    Path s = write("name: x\nregime: distributed\ntime: {dt_days: " + coarse + "}\n");
    Outcome o = CliTest.exec("validate", s.toString());
    assertEquals(0, o.code(), "a warning, not an error");
    assertTrue(
        o.err()
            .contains(
                "warning: dt_days "
                    + govsim.observe.Num.format(coarse)
                    + " is longer than "
                    + govsim.observe.Num.format(safe.getAsDouble())
                    + " days"),
        o.err());
  }
}
