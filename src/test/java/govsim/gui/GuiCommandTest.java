package govsim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `govsim gui`: the scripted screenshot (under a display), the clear refusal without a display, and
 * bad input rejected before any window opens.
 */
class GuiCommandTest {
  @Test
  void screenshotPlaysStepsSavesOnePngAndExits(@TempDir Path tmp) throws Exception {
    GuiTestSupport.assumeDisplay();
    Path scenario = GuiTestSupport.smallScenario(tmp);
    Path png = tmp.resolve("shots/gui.png");
    GuiTestSupport.Child c =
        GuiTestSupport.java(
            Map.of(),
            GuiCommandMain.class.getName(),
            scenario.toString(),
            "--steps",
            "60",
            "--screenshot",
            png.toString());
    assertEquals(0, c.exit(), c.all());
    assertTrue(c.out().contains("60 steps"), c.all());
    assertTrue(Files.size(png) > 50_000, "a PNG of plausible size: " + Files.size(png) + " bytes");
    byte[] head = new byte[8];
    try (var in = Files.newInputStream(png)) {
      assertEquals(8, in.read(head));
    }
    assertEquals(
        "\u0089PNG\r\n\u001a\n", new String(head, StandardCharsets.ISO_8859_1), "PNG signature");
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(
        img.getWidth() >= 1000 && img.getHeight() >= 700,
        "all windows: " + img.getWidth() + "x" + img.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) colours.add(img.getRGB(x, y) & 0xffffff);
    }
    assertTrue(colours.size() > 200, "not blank: " + colours.size() + " colours");
    assertTrue(
        colours.contains(Palette.REGULATOR.getRGB() & 0xffffff),
        "the network display shows the regulator");
    assertTrue(
        colours.contains(Palette.COMMUNITY.getRGB() & 0xffffff),
        "the network display shows communities");
    assertTrue(colours.contains(0x0072b2), "the charts show their first line colour");
    assertFalse(c.err().contains("Exception"), c.all());
  }

  @Test
  void withoutADisplayItSaysSoAndExits1(@TempDir Path tmp) throws Exception {
    Path scenario = GuiTestSupport.smallScenario(tmp);
    Map<String, String> env = new HashMap<>();
    env.put("DISPLAY", null);
    env.put("WAYLAND_DISPLAY", null);
    GuiTestSupport.Child c =
        GuiTestSupport.java(
            env,
            GuiCommandMain.class.getName(),
            scenario.toString(),
            "--steps",
            "5",
            "--screenshot",
            tmp.resolve("x.png").toString());
    assertEquals(1, c.exit(), c.all());
    assertTrue(c.err().contains("no display: run under xvfb-run or set DISPLAY"), c.all());
    assertFalse(
        c.err().contains("Exception") || c.err().contains("\tat "), "no stack trace: " + c.all());
    assertFalse(Files.exists(tmp.resolve("x.png")));
  }

  @Test
  void inAHeadlessJvmItSaysSoAndExits1(@TempDir Path tmp) throws Exception {
    // Surefire's JVM is headless (-Djava.awt.headless=true): the same refusal, in process.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.awt.GraphicsEnvironment.isHeadless(),
        "this JVM is not headless (surefire's argLine sets -Djava.awt.headless=true)");
    Path scenario = GuiTestSupport.smallScenario(tmp);
    Result r = run(scenario.toString(), "--steps", "5");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("no display: run under xvfb-run or set DISPLAY"), r.err());
  }

  @Test
  void badInputIsRefusedBeforeAnyWindowOpens(@TempDir Path tmp) throws Exception {
    Path scenario = GuiTestSupport.smallScenario(tmp);
    Result missing = run("--replay", tmp.resolve("nowhere").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such folder"), missing.err());

    Result both = run(scenario.toString(), "--replay", tmp.toString());
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("--replay reopens a run exactly"), both.err());

    Result badSet = run(scenario.toString(), "--set", "users.switching_cost_mean=-1");
    assertEquals(2, badSet.exit());
    assertTrue(
        badSet.err().contains("users.switching_cost_mean") && badSet.err().contains("[0, 100]"),
        badSet.err());

    Result negative = run(scenario.toString(), "--steps", "-3");
    assertEquals(2, negative.exit());

    Files.createDirectories(tmp.resolve("sweep/a/seed-1"));
    Result notRun = run("--replay", tmp.resolve("sweep").toString());
    assertEquals(2, notRun.exit());
    assertTrue(notRun.err().contains("not a run folder"), notRun.err());
  }

  record Result(int exit, String out, String err) {}

  /** Runs `govsim gui ARGS` in this (headless) JVM, capturing its output. */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new govsim.cli.GuiCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
