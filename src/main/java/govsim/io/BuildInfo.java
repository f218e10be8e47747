package govsim.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** govsim's version and git commit (recorded at build time), MASON's and Java's versions. */
public record BuildInfo(String version, String commit, boolean dirty, String mason, String java) {

  public static BuildInfo current() {
    Properties v = load("/govsim-version.properties");
    Properties g = load("/govsim-git.properties");
    String mason;
    try {
      mason = Double.toString(sim.engine.SimState.version());
    } catch (RuntimeException | LinkageError e) {
      mason = "unknown";
    }
    return new BuildInfo(
        v.getProperty("version", "unknown"),
        g.getProperty("git.commit.id", "unknown"),
        Boolean.parseBoolean(g.getProperty("git.dirty", "false")),
        mason,
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
  }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // Missing build metadata is reported as "unknown", never fatal.
    }
    return p;
  }
}
