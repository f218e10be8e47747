package govsim.cli;

import govsim.io.BuildInfo;
import picocli.CommandLine;

/** `govsim --version`: govsim, commit, MASON and Java versions. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    BuildInfo b = BuildInfo.current();
    return new String[] {
      "govsim " + b.version() + " (commit " + b.commit() + (b.dirty() ? ", modified" : "") + ")",
      "MASON " + b.mason() + ", Java " + b.java()
    };
  }
}
