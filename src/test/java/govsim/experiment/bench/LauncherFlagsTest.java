package govsim.experiment.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `govsim bench` times fresh `govsim run`s with the flags the launcher gives them (issue 18: the
 * whole-process figure is the run a user starts), and the launcher still uses those flags.
 */
class LauncherFlagsTest {
  @Test
  void theLauncherRunsRunWithTheQuickCompilerAndTheArchive() throws Exception {
    String launcher = Files.readString(Path.of("govsim"));
    assertTrue(launcher.contains("jit=(-XX:TieredStopAtLevel=1)"), "C1 only for one-shot commands");
    assertTrue(
        launcher.matches("(?s).*\\n\\s+run\\|[^\\n]*\\)\\n\\s+jit=.*"), "run is one of them");
    assertTrue(launcher.contains("cds_quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)"));
    assertTrue(launcher.contains("-XX:SharedArchiveFile=\"$jsa\""));
    assertTrue(launcher.contains("jsa=\"$here/target/govsim.jsa\""), "the archive beside the jar");
  }

  @Test
  void benchUsesTheArchiveOnlyWhenItIsNotOlderThanTheJar(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("govsim.jar"), "jar");
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), Benchmark.launcherFlags(jar.toString()));
    Path jsa = Files.writeString(dir.resolve("govsim.jsa"), "archive");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(jsa, FileTime.fromMillis(2_000_000));
    assertEquals(
        List.of(
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off",
            "-XX:SharedArchiveFile=" + jsa,
            "-XX:TieredStopAtLevel=1"),
        Benchmark.launcherFlags(jar.toString()));
    Files.setLastModifiedTime(jsa, FileTime.fromMillis(500_000));
    assertEquals(
        List.of("-XX:TieredStopAtLevel=1"),
        Benchmark.launcherFlags(jar.toString()),
        "a stale archive is not used (the launcher would record a new one)");
  }
}
