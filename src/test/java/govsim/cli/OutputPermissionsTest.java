package govsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import govsim.cli.CliTest.Outcome;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 6: output folders and files follow the user's umask, like any folder or file the
 * user creates, instead of the owner-only permissions of Java's temporary-file API (run folders
 * were drwx------ and manifest.json -rw-------).
 */
class OutputPermissionsTest {
  @TempDir Path tmp;

  @Test
  void runAndReportOutputsHaveTheDefaultPermissions() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    // What the umask gives a plain new folder and file here.
    Set<PosixFilePermission> dirPerms =
        Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("plain")));
    Set<PosixFilePermission> filePerms =
        Files.getPosixFilePermissions(Files.createFile(tmp.resolve("plain.txt")));
    Path s = tmp.resolve("s.yaml");
    Files.writeString(s, "name: x\nusers: {count: 1500}\ntime: {horizon_days: 30}\n");
    Path out = tmp.resolve("out");
    Outcome o = CliTest.exec("run", s.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, o.code(), o.err());
    assertEquals(dirPerms, Files.getPosixFilePermissions(out), "the run folder");
    for (String f :
        new String[] {"manifest.json", "scenario.resolved.yaml", "summary.csv", "timeseries.csv"}) {
      assertEquals(filePerms, Files.getPosixFilePermissions(out.resolve(f)), f);
    }
    Outcome r = CliTest.exec("report", out.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertEquals(dirPerms, Files.getPosixFilePermissions(out.resolve("figures")), "figures/");
    assertEquals(
        filePerms, Files.getPosixFilePermissions(out.resolve("report.html")), "report.html");
    Outcome n =
        CliTest.exec("notebook", out.toString(), "--out", tmp.resolve("nb.ipynb").toString());
    assertEquals(0, n.code(), n.err());
    assertEquals(filePerms, Files.getPosixFilePermissions(tmp.resolve("nb.ipynb")), "the notebook");
  }
}
