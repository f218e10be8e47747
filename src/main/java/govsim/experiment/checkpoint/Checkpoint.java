package govsim.experiment.checkpoint;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import govsim.io.BuildInfo;
import govsim.model.GovSimModel;
import govsim.observe.Recorder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A checkpoint file: a text header (what run, which day, which govsim wrote it) and the run's whole
 * state as a deflated Java-serialization payload with its CRC-32.
 *
 * <pre>
 * GOVSIM CHECKPOINT
 * {"format":1,"govsim_version":...,"git_commit":...,"day":365.0,...,"payload_bytes":N,"payload_crc32":C}
 * &lt;N bytes of payload&gt;
 * </pre>
 *
 * <p>Written atomically: to a temporary file in the same folder, forced to disk, then renamed over
 * the previous checkpoint, so the file on disk is always a whole checkpoint (the old or the new
 * one), whenever the process is killed. Reading checks the header, the govsim version and commit (a
 * checkpoint resumes only in the govsim that wrote it: a different build may lay out or evolve the
 * state differently), the length and checksum of the payload, and then deserializes only the
 * classes a model is made of ({@link CheckpointStreams}).
 */
public final class Checkpoint {
  private Checkpoint() {}

  /** Layout version of the file (the header and payload framing). */
  public static final int FORMAT = 1;

  /** The first line of every checkpoint file. */
  static final String MAGIC = "GOVSIM CHECKPOINT";

  /** The checkpoint's file name inside a run's checkpoint folder. */
  public static final String FILE = "checkpoint.govsim";

  /** The checkpoint folder of a run folder: {@code <target>.checkpoint} beside it. */
  public static Path folderOf(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".checkpoint");
  }

  /**
   * What a run keeps besides the model, for a resume to finish the run as the first session would
   * have: the resolved scenario, the provenance written to the manifest, the run folder, and the
   * checkpoint settings.
   */
  public static final class Context implements Serializable {
    private static final long serialVersionUID = 1L;

    final Map<String, Object> resolved;
    final Map<String, Object> provenance;
    final String target;
    final boolean force;
    final double everyDays;
    final String startedUtc;
    final String scenarioFile;
    final String scenarioSha256;

    /**
     * @param resolved the resolved scenario (scenario.resolved.yaml and the manifest)
     * @param provenance the manifest's provenance fields (command, scenario file and checksum, ...)
     * @param target the run folder
     * @param force the run may replace an existing govsim folder at target
     * @param everyDays simulated days between checkpoints
     * @param startedUtc when the run started (the manifest's started_utc)
     * @param scenarioFile the scenario file as given
     * @param scenarioSha256 its SHA-256 when the run started
     */
    public Context(
        Map<String, Object> resolved,
        Map<String, Object> provenance,
        Path target,
        boolean force,
        double everyDays,
        Instant startedUtc,
        String scenarioFile,
        String scenarioSha256) {
      this.resolved = plain(resolved);
      this.provenance = plain(provenance);
      this.target = target.toAbsolutePath().normalize().toString();
      this.force = force;
      this.everyDays = everyDays;
      this.startedUtc = startedUtc.toString();
      this.scenarioFile = scenarioFile;
      this.scenarioSha256 = scenarioSha256;
    }

    public Map<String, Object> resolved() {
      return resolved;
    }

    public Map<String, Object> provenance() {
      return provenance;
    }

    public Path target() {
      return Path.of(target);
    }

    public boolean force() {
      return force;
    }

    public double everyDays() {
      return everyDays;
    }

    public Instant started() {
      return Instant.parse(startedUtc);
    }

    public String scenarioFile() {
      return scenarioFile;
    }

    public String scenarioSha256() {
      return scenarioSha256;
    }

    /** Maps and lists as plain serializable copies (the loader's trees may be views). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<String, Object> m) {
      return (Map<String, Object>) copy(m);
    }

    private static Object copy(Object v) {
      if (v instanceof Map<?, ?> m) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet())
          out.put(String.valueOf(e.getKey()), copy(e.getValue()));
        return out;
      }
      if (v instanceof java.util.List<?> l) {
        java.util.ArrayList<Object> out = new java.util.ArrayList<>(l.size());
        for (Object x : l) out.add(copy(x));
        return out;
      }
      if (v instanceof Path p) return p.toString();
      return v;
    }
  }

  /**
   * The whole state of a run at the end of a step.
   *
   * @param model the model with its schedule (the phases and the recorder), world, mechanisms and
   *     random streams
   * @param recorder the recorder in the model's schedule (its running summary; no listener)
   * @param timeseries the bytes of timeseries.csv so far (null if the run does not write it)
   * @param events the bytes of events.csv so far (null if not written)
   * @param context the run's settings and provenance
   * @param nextDay the simulated day of the next checkpoint
   * @param stepSeconds time spent stepping so far
   */
  public record State(
      GovSimModel model,
      Recorder recorder,
      byte[] timeseries,
      byte[] events,
      Context context,
      double nextDay,
      double stepSeconds)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** What the header says about a checkpoint. */
  public record Header(
      int format,
      String govsimVersion,
      String gitCommit,
      String scenario,
      String regime,
      long seed,
      double day,
      double horizonDays,
      String target,
      String writtenUtc,
      long payloadBytes,
      long payloadCrc32) {}

  /**
   * A checkpoint that cannot be resumed; the message says why in words, with the file, and what to
   * do. The command line prints it and exits with 2.
   */
  public static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    public Unusable(String message) {
      super(message, null, false, false);
    }
  }

  /** The state cannot be written (a part of it is not serializable): a bug, named. */
  public static final class NotWritable extends IOException {
    private static final long serialVersionUID = 1L;

    NotWritable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Writes a checkpoint atomically: a temporary file beside {@code file}, forced to disk, renamed
   * over it.
   *
   * @throws NotWritable if part of the state is not serializable (names the field)
   * @throws IOException if the file cannot be written (the previous checkpoint is left as it was)
   */
  public static void write(Path file, State state) throws IOException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 20);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (ObjectOutputStream out =
        CheckpointStreams.output(new DeflaterOutputStream(payload, deflater, 1 << 16))) {
      out.writeObject(state);
    } catch (NotSerializableException e) {
      String where = SerialCheck.firstProblem("state", state);
      throw new NotWritable(
          "internal error: the run's state cannot be checkpointed: "
              + (where != null ? where : e.getMessage())
              + " is not serializable",
          e);
    } finally {
      deflater.end();
    }
    byte[] bytes = payload.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(bytes);
    BuildInfo build = BuildInfo.current();
    GovSimModel m = state.model();
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("format", FORMAT);
    h.put("govsim_version", build.version());
    h.put("git_commit", build.commit());
    h.put("scenario", m.spec().name());
    h.put("regime", m.spec().regime().yamlName());
    h.put("seed", m.fullSeed());
    h.put("day", m.world().now);
    h.put("horizon_days", m.spec().time().horizonDays());
    h.put("target", state.context().target);
    h.put("written_utc", Instant.now().toString());
    h.put("payload_bytes", (long) bytes.length);
    h.put("payload_crc32", crc.getValue());
    byte[] head = (MAGIC + "\n" + new Gson().toJson(h) + "\n").getBytes(StandardCharsets.UTF_8);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp =
        govsim.io.OutputFolder.createUnique(dir, "." + file.getFileName() + ".", ".tmp", false);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out =
              new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch))) {
        out.write(head);
        out.write(bytes);
        out.flush();
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /**
   * Reads and checks a checkpoint's header.
   *
   * @throws Unusable if the file is missing, not a checkpoint, of another layout, or written by
   *     another govsim (says which)
   */
  public static Header header(Path file) throws Unusable {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return header(file, in);
    } catch (NoSuchFileException e) {
      throw new Unusable("checkpoint " + file + " does not exist");
    } catch (IOException e) {
      throw new Unusable("cannot read checkpoint " + file + ": " + e.getMessage());
    }
  }

  private static Header header(Path file, InputStream in) throws IOException, Unusable {
    String magic = line(in, 64);
    if (!MAGIC.equals(magic)) {
      throw new Unusable(
          file
              + " is not a govsim checkpoint (it does not start with \""
              + MAGIC
              + "\"); give the checkpoint.govsim that govsim run --checkpoint-every wrote, its"
              + " folder, or the run folder");
    }
    String json = line(in, 1 << 16);
    Header h;
    try {
      JsonObject o = JsonParser.parseString(json == null ? "" : json).getAsJsonObject();
      int format = o.get("format").getAsInt();
      if (format != FORMAT) {
        throw new Unusable(
            "checkpoint "
                + file
                + " has layout "
                + format
                + " (written by govsim "
                + str(o, "govsim_version")
                + "); this govsim reads layout "
                + FORMAT
                + "; resume it with the govsim that wrote it, or start the run again");
      }
      h =
          new Header(
              format,
              o.get("govsim_version").getAsString(),
              o.get("git_commit").getAsString(),
              o.get("scenario").getAsString(),
              o.get("regime").getAsString(),
              o.get("seed").getAsLong(),
              o.get("day").getAsDouble(),
              o.get("horizon_days").getAsDouble(),
              o.get("target").getAsString(),
              o.get("written_utc").getAsString(),
              o.get("payload_bytes").getAsLong(),
              o.get("payload_crc32").getAsLong());
    } catch (JsonParseException
        | IllegalStateException
        | NullPointerException
        | UnsupportedOperationException
        | NumberFormatException e) {
      throw new Unusable(
          "checkpoint "
              + file
              + " is damaged: its header is incomplete or not the one govsim writes; start the run"
              + " again (or resume from an intact copy)");
    }
    BuildInfo build = BuildInfo.current();
    if (!h.govsimVersion().equals(build.version()) || !h.gitCommit().equals(build.commit())) {
      throw new Unusable(
          "checkpoint "
              + file
              + " was written by govsim "
              + h.govsimVersion()
              + " (commit "
              + h.gitCommit()
              + "); this is govsim "
              + build.version()
              + " (commit "
              + build.commit()
              + "). A checkpoint resumes only in the govsim that wrote it (another build may"
              + " hold or evolve the state differently, so the outputs could not be those of an"
              + " uninterrupted run): resume it with that govsim, or start the run again");
    }
    return h;
  }

  private static String str(JsonObject o, String key) {
    return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "unknown";
  }

  /** One line of at most {@code max} bytes (without the newline), or null at the end. */
  private static String line(InputStream in, int max) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i <= max; i++) {
      int c = in.read();
      if (c < 0) return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
      if (c == '\n') return b.toString(StandardCharsets.UTF_8);
      b.write(c);
    }
    return null;
  }

  /**
   * Reads a whole checkpoint.
   *
   * @throws Unusable if the header is refused ({@link #header}), the payload is truncated or
   *     damaged, or the state cannot be read back (the message says which, without a stack trace)
   */
  public static State read(Path file) throws Unusable {
    Header h;
    byte[] payload;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      h = header(file, in);
      if (h.payloadBytes() < 0 || h.payloadBytes() > Integer.MAX_VALUE - 16)
        throw new Unusable("checkpoint " + file + " is damaged: its header gives a bad size");
      payload = new byte[(int) h.payloadBytes()];
      new DataInputStream(in).readFully(payload);
      if (in.read() >= 0)
        throw new Unusable("checkpoint " + file + " is damaged: it is longer than its header says");
    } catch (NoSuchFileException e) {
      throw new Unusable("checkpoint " + file + " does not exist");
    } catch (EOFException e) {
      throw new Unusable(
          "checkpoint "
              + file
              + " is truncated (shorter than its header says); it was not written by govsim's"
              + " atomic write, or was cut when copied: start the run again");
    } catch (IOException e) {
      throw new Unusable("cannot read checkpoint " + file + ": " + e.getMessage());
    }
    CRC32 crc = new CRC32();
    crc.update(payload);
    if (crc.getValue() != h.payloadCrc32()) {
      throw new Unusable(
          "checkpoint "
              + file
              + " is damaged: its contents do not match their checksum (CRC-32); start the run"
              + " again");
    }
    try (ObjectInputStream in =
        CheckpointStreams.input(
            new InflaterInputStream(
                new ByteArrayInputStream(payload), new java.util.zip.Inflater(), 1 << 16))) {
      Object o = in.readObject();
      if (!(o instanceof State s)) throw new Unusable("checkpoint " + file + " holds no run state");
      return s;
    } catch (InvalidClassException e) {
      throw new Unusable(
          "checkpoint "
              + file
              + " holds a state this build of govsim cannot read (a class changed since it was"
              + " written); resume it with the govsim that wrote it, or start the run again");
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new Unusable(
          "checkpoint "
              + file
              + " cannot be read back as a run's state (its contents are damaged, or come from"
              + " another build of govsim); start the run again");
    }
  }

  /** "day 365 of 1825". */
  public static String where(Header h) {
    return String.format(
        Locale.ROOT,
        "day %s of %s",
        govsim.observe.Num.format(h.day()),
        govsim.observe.Num.format(h.horizonDays()));
  }
}
