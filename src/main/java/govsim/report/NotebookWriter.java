package govsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the notebook of a govsim folder, by default to {@code notebooks-export/<name>.ipynb} under
 * the working directory (the repository root), the name made from the folder's parent and own names
 * ("baseline-compare-seed-1"). An existing notebook is never overwritten silently: the default name
 * gets a suffix ("-2", "-3", ...), an explicit {@code --out FILE} is refused, and {@code --force}
 * replaces either. The file is written to a temporary name and renamed, so a notebook is there
 * whole or not at all.
 */
public final class NotebookWriter {
  private NotebookWriter() {}

  /** The default folder for exported notebooks, relative to the working directory. */
  public static final String EXPORT_DIR = "notebooks-export";

  /**
   * What was written.
   *
   * @param file the notebook
   * @param kind the kind of folder it reads
   * @param renamed true if the default name was taken and a suffix was added
   */
  public record Written(Path file, FolderKind kind, boolean renamed) {}

  /**
   * Writes the notebook of {@code folder}.
   *
   * @param folder a folder written by govsim run, compare or sweep
   * @param out the notebook file, or null for notebooks-export/&lt;name&gt;.ipynb under {@code
   *     workDir}
   * @param force replace an existing notebook
   * @param workDir the directory relative paths start from (the repository root, normally the
   *     current directory)
   * @throws ReportException for a folder that is not a govsim folder, or an existing --out file
   *     without force
   * @throws UncheckedIOException if writing fails
   */
  public static Written write(Path folder, Path out, boolean force, Path workDir)
      throws ReportException {
    ResultFolder rf = ResultFolder.open(folder);
    Path target;
    boolean renamed = false;
    if (out != null) {
      target = out.isAbsolute() ? out : workDir.resolve(out);
      if (Files.isDirectory(target)) {
        throw new ReportException(
            "--out "
                + out
                + ": is a folder; give the notebook's file name, e.g. "
                + out.resolve(rf.shortName() + ".ipynb"));
      }
      if (!force && Files.exists(target)) {
        throw new ReportException(
            out + " already exists; use --force to replace it, or another --out FILE");
      }
    } else {
      Path dir = workDir.resolve(EXPORT_DIR);
      target = dir.resolve(rf.shortName() + ".ipynb");
      if (!force) {
        for (int i = 2; Files.exists(target); i++) {
          target = dir.resolve(rf.shortName() + "-" + i + ".ipynb");
          renamed = true;
        }
      }
    }
    target = target.toAbsolutePath().normalize();
    try {
      govsim.io.OutputGuard.checkParents(target);
    } catch (govsim.io.OutputGuard.Refused e) {
      throw new ReportException("--out " + e.getMessage());
    }
    if (force
        && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && !isGovsimNotebook(target)) {
      throw new ReportException(
          "refusing to replace "
              + target
              + ": it is not a notebook written by govsim"
              + " notebook; --force only replaces govsim's own notebooks. Give another --out FILE");
    }
    Path notebookDir = target.getParent();
    String fromRoot =
        isUnder(workDir, rf.dir()) ? NotebookBuilder.relative(workDir, rf.dir()) : null;
    String fromNotebook = NotebookBuilder.relative(notebookDir, rf.dir());
    String json = NotebookBuilder.build(rf, fromRoot, fromNotebook).toJson();
    govsim.io.OutputFolder.writeAtomically(target, json);
    return new Written(target, rf.kind(), renamed);
  }

  /** True if the file is a regular file holding a notebook with govsim's generator mark. */
  static boolean isGovsimNotebook(Path file) {
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
    try {
      if (Files.size(file) > 256L << 20) return false;
      com.google.gson.JsonElement e =
          com.google.gson.JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      if (!e.isJsonObject()) return false;
      com.google.gson.JsonElement meta = e.getAsJsonObject().get("metadata");
      if (meta == null || !meta.isJsonObject()) return false;
      com.google.gson.JsonElement own = meta.getAsJsonObject().get("govsim");
      return own != null
          && own.isJsonObject()
          && own.getAsJsonObject().has("generator")
          && Notebook.GENERATOR.equals(own.getAsJsonObject().get("generator").getAsString());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean isUnder(Path base, Path p) {
    return p.toAbsolutePath().normalize().startsWith(base.toAbsolutePath().normalize());
  }
}
