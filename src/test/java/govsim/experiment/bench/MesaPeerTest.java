package govsim.experiment.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of `govsim bench` that run the Mesa peer: reading its output, reading bash's {@code
 * times}, and saying why the peer was skipped.
 */
class MesaPeerTest {
  @TempDir Path tmp;

  @Test
  void readsThePeersOutputAndTheWrappersCpuLine() throws IOException {
    String out =
        "users=100000 firms=20 days=30 seconds=2.250 user_steps_per_s=1333333"
            + " final_share_firm0=0.0123 day_firm0_revised=41\ncpu_seconds=2.1000\n";
    MesaPeer.Run r = MesaPeer.parse(out, 5.5, 4.25);
    assertEquals(2.25, r.stepWall());
    assertEquals(2.1, r.stepCpu());
    assertEquals(5.5, r.processWall());
    assertEquals(4.25, r.processCpu());
    assertEquals(0.0123, r.firm0Share());
    assertEquals("41", r.firm0Revised());
    // Without the wrapper's line the CPU time of stepping is unknown, not 0.
    assertTrue(Double.isNaN(MesaPeer.parse(out.replace("cpu_seconds=2.1000", ""), 1, 1).stepCpu()));
    assertThrows(IOException.class, () -> MesaPeer.parse("Traceback ...", 1, 1));
  }

  @Test
  void readsTheChildrensUserAndSystemSecondsFromBashTimes() {
    // First line: the shell's own times; second: its children's (user, system).
    assertEquals(
        61.5 + 0.25, TimedProcess.childCpu("0m0.002s 0m0.001s\n1m1.500s 0m0.250s\n"), 1e-12);
    assertTrue(Double.isNaN(TimedProcess.childCpu("0m0.002s 0m0.001s\n")));
  }

  @Test
  void timesAChildProcessFromOutside() throws Exception {
    TimedProcess.Result r =
        TimedProcess.run(List.of("bash", "-c", "echo out; echo err >&2; exit 3"), Map.of(), null);
    assertEquals(3, r.exitCode());
    assertEquals("out\n", r.stdout());
    assertEquals("err\n", r.stderr());
    assertTrue(r.wallSeconds() > 0 && r.cpuSeconds() >= 0, r.toString());
  }

  @Test
  void aMissingPeerOrPythonIsSkippedWithTheReason() throws Exception {
    MesaPeer none = new MesaPeer(Path.of("/usr/bin/python3"), tmp);
    assertEquals(
        "no Mesa peer (market_kernel.py and mesa/) in " + tmp.toAbsolutePath().normalize(),
        none.unavailable().orElseThrow());
    Files.writeString(tmp.resolve("market_kernel.py"), "print('x')\n");
    Files.createDirectories(tmp.resolve("mesa"));
    Path noPython = tmp.resolve("no-python");
    assertEquals(
        noPython + " is not installed", new MesaPeer(noPython, tmp).unavailable().orElseThrow());
  }
}
