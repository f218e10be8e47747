package govsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The record components of a schema and their {@link Param} values, written at build time (Maven's
 * process-classes phase runs {@link #main}) into a resource beside the classes, so that a run
 * builds its {@link Schema} from that text instead of reflecting over about 280 annotated record
 * components: reading the annotations (Java parses each one into a proxy) and the components'
 * generic types was about half of the schema's cost in a fresh JVM, on the start-up path of every
 * {@code govsim run}.
 *
 * <p>The index describes the components exactly as reflection sees them (names, types, annotation
 * values); everything else (the checks of the annotations, the parsing of the defaults, the
 * constructors) is done by {@link Schema} from either source in the same way, and SchemaIndexTest
 * checks that both give the same schema. Each record's entry carries the CRC-32 of its class file,
 * and the index is used only if every record's class file still has that checksum: a class
 * recompiled without the build step (an IDE build, say) makes the schema fall back to reflection,
 * never to a stale index. A missing or unreadable index does the same.
 */
final class SchemaIndex {
  private SchemaIndex() {}

  /** The first line of an index (its format version). */
  static final String HEADER = "govsim-schema-index 1";

  /** One record component as the index (or reflection) gives it. */
  record Component(String name, String type, Param param) {}

  /** The index resource of a root record type. */
  static String resource(Class<?> root) {
    return "/govsim/scenario/schema-index/" + root.getName() + ".txt";
  }

  /**
   * Writes the index of each root record type named in {@code args[1..]} under the classes folder
   * {@code args[0]} (the build's process-classes step). A root whose records lack an annotation
   * gets no index (and loses an old one): reflection then reports the mistake when it is used.
   */
  public static void main(String[] args) throws IOException, ClassNotFoundException {
    Path classes = Path.of(args[0]);
    for (int i = 1; i < args.length; i++) {
      Class<?> root = Class.forName(args[i], false, SchemaIndex.class.getClassLoader());
      Path file = classes.resolve(resource(root).substring(1));
      String text = write(root);
      if (text == null) {
        Files.deleteIfExists(file);
      } else {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * The index text of {@code root} and every record reachable from it, by reflection; null if a
   * component has no {@code @Param}.
   */
  static String write(Class<?> root) throws IOException {
    Map<Class<?>, List<Component>> records = new LinkedHashMap<>();
    collect(root, records);
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (Map.Entry<Class<?>, List<Component>> e : records.entrySet()) {
      Class<?> type = e.getKey();
      sb.append("record\t").append(type.getName()).append('\t').append(crc(type)).append('\n');
      for (Component c : e.getValue()) {
        Param p = c.param();
        if (p == null) return null;
        sb.append("c");
        for (String field :
            new String[] {
              c.name(),
              c.type(),
              p.def(),
              p.unit(),
              Double.toString(p.min()),
              Double.toString(p.max()),
              Double.toString(p.plausibleMin()),
              Double.toString(p.plausibleMax()),
              p.doc(),
              p.source(),
              Boolean.toString(p.fileName())
            }) {
          sb.append('\t').append(escape(field));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static void collect(Class<?> type, Map<Class<?>, List<Component>> out) {
    if (out.containsKey(type) || !type.isRecord()) return;
    List<Component> cs = reflect(type);
    out.put(type, cs);
    for (RecordComponent rc : type.getRecordComponents()) {
      Type g = rc.getGenericType();
      if (g instanceof Class<?> c && c.isRecord()) collect(c, out);
      if (g instanceof ParameterizedType pt
          && pt.getActualTypeArguments()[0] instanceof Class<?> c
          && c.isRecord()) collect(c, out);
    }
  }

  /**
   * The components of a record by reflection, their types in the index's notation ({@link
   * #typeName}); a component without {@code @Param} has a null param (the schema reports it).
   */
  static List<Component> reflect(Class<?> type) {
    List<Component> out = new ArrayList<>();
    for (RecordComponent rc : type.getRecordComponents()) {
      out.add(
          new Component(
              rc.getName(), typeName(rc.getGenericType()), rc.getAnnotation(Param.class)));
    }
    return out;
  }

  /**
   * A component's type as text: a primitive's or class's name ({@code double}, {@code
   * java.lang.String}, {@code govsim.model.Regime}), or {@code java.util.List<X>} with X a class
   * name; anything else as Java writes it (which the schema then refuses, naming it).
   */
  static String typeName(Type t) {
    if (t instanceof Class<?> c && !c.isArray()) return c.getName();
    if (t instanceof ParameterizedType pt
        && pt.getRawType() == List.class
        && pt.getActualTypeArguments().length == 1
        && pt.getActualTypeArguments()[0] instanceof Class<?> e
        && !e.isArray()) {
      return "java.util.List<" + e.getName() + ">";
    }
    return "?" + t.getTypeName();
  }

  /**
   * The components of every record of {@code root}'s schema from its index, or null when there is
   * no index, it cannot be read, or a record's class file has changed since it was written.
   */
  static Map<String, List<Component>> read(Class<?> root) {
    String text;
    try (InputStream in = root.getResourceAsStream(resource(root))) {
      if (in == null) return null;
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
    try (ClassFiles files = ClassFiles.of(root)) {
      return parse(text, files);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Parses an index; null if a record's class file no longer has its recorded checksum. */
  static Map<String, List<Component>> parse(String text, ClassFiles files) throws IOException {
    String[] lines = text.split("\n", -1);
    if (!lines[0].equals(HEADER)) return null;
    Map<String, List<Component>> out = new LinkedHashMap<>();
    List<Component> current = null;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) continue;
      String[] f = line.split("\t", -1);
      if (f[0].equals("record")) {
        if (f.length != 3 || files.crc(f[1]) != Long.parseLong(f[2])) return null;
        current = new ArrayList<>();
        out.put(f[1], current);
      } else if (f[0].equals("c") && f.length == 12 && current != null) {
        current.add(
            new Component(
                unescape(f[1]),
                unescape(f[2]),
                new Values(
                    unescape(f[3]),
                    unescape(f[4]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]),
                    Double.parseDouble(f[8]),
                    unescape(f[9]),
                    unescape(f[10]),
                    Boolean.parseBoolean(f[11]))));
      } else {
        throw new IOException("line " + (i + 1) + " of the schema index is malformed");
      }
    }
    return out;
  }

  /** The CRC-32 of a class's class file (-1 if it cannot be read). */
  private static long crc(Class<?> type) throws IOException {
    try (ClassFiles files = ClassFiles.of(type)) {
      return files.crc(type.getName());
    }
  }

  /**
   * The class files beside a class: in its jar, whose directory records each file's CRC-32 (so
   * nothing is inflated: reading the 21 class files through the class loader cost a fresh JVM about
   * 20 ms of CPU, almost all that reading the index saved), or in its folder of classes, or else
   * through its class loader.
   */
  static final class ClassFiles implements AutoCloseable {
    private final ClassLoader loader;
    private final java.util.zip.ZipFile jar;
    private final Path folder;

    private ClassFiles(ClassLoader loader, java.util.zip.ZipFile jar, Path folder) {
      this.loader = loader != null ? loader : ClassLoader.getSystemClassLoader();
      this.jar = jar;
      this.folder = folder;
    }

    static ClassFiles of(Class<?> type) throws IOException {
      Path where = null;
      try {
        java.security.CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs != null && cs.getLocation() != null && "file".equals(cs.getLocation().getProtocol()))
          where = Path.of(cs.getLocation().toURI());
      } catch (java.net.URISyntaxException | RuntimeException e) {
        where = null;
      }
      if (where != null && Files.isRegularFile(where)) {
        return new ClassFiles(
            type.getClassLoader(), new java.util.zip.ZipFile(where.toFile()), null);
      }
      if (where != null && Files.isDirectory(where)) {
        return new ClassFiles(type.getClassLoader(), null, where);
      }
      return new ClassFiles(type.getClassLoader(), null, null);
    }

    long crc(String className) throws IOException {
      String name = className.replace('.', '/') + ".class";
      if (jar != null) {
        java.util.zip.ZipEntry e = jar.getEntry(name);
        if (e != null && e.getCrc() != -1) return e.getCrc();
      }
      byte[] bytes;
      if (folder != null && Files.isRegularFile(folder.resolve(name))) {
        bytes = Files.readAllBytes(folder.resolve(name));
      } else {
        try (InputStream in = loader.getResourceAsStream(name)) {
          if (in == null) return -1;
          bytes = in.readAllBytes();
        }
      }
      CRC32 crc = new CRC32();
      crc.update(bytes);
      return crc.getValue();
    }

    @Override
    public void close() throws IOException {
      if (jar != null) jar.close();
    }
  }

  /**
   * A field with its backslashes, tabs and line breaks escaped, so that each record component is
   * one tab-separated line. Not JSON through Gson (which the scenario package has): each line as a
   * JSON array, read with Gson's streaming reader, made building the schema in a fresh JVM 8-10 ms
   * slower (medians of 7 interleaved runs each, 2 December 2026), a fifth of what the index saves.
   */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The values of a {@link Param} read from the index, as the annotation would give them. */
  private record Values(
      String def,
      String unit,
      double min,
      double max,
      double plausibleMin,
      double plausibleMax,
      String doc,
      String source,
      boolean fileName)
      implements Param {
    @Override
    public Class<? extends Annotation> annotationType() {
      return Param.class;
    }
  }
}
