package govsim.io;

import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * A Parquet file written row by row (pages are compressed and flushed as they fill, so memory stays
 * at one row group's worth of encoded data), through parquet-java without Hadoop: a {@link
 * LocalOutputFile}, a plain configuration and Zstandard compression by aircompressor's pure-Java
 * codec.
 *
 * <p>Columns are typed: {@code INT} (int32), {@code LONG} (int64), {@code DOUBLE} and {@code
 * STRING} (UTF-8). Every column but those declared required is optional: a cell left unset, or a
 * double set to NaN, is written as null (an undefined metric is an empty cell in CSV and a null
 * here, never 0).
 *
 * <p>Same rows in the same order ⇒ the same bytes: the footer holds the schema, the statistics and
 * parquet-java's fixed {@code created_by} string (its version and build), no time stamp, no host,
 * and the compressor is deterministic. Rows are set with {@code set*} and written by {@link
 * #endRow()}; the holder arrays are reused, so a row allocates nothing but its strings' bytes.
 */
public final class ParquetTable implements Closeable {
  static {
    // parquet-java logs through SLF4J; with no provider SLF4J prints warning lines on standard
    // error. The no-operation provider built into slf4j-api keeps them quiet unless a provider was
    // chosen with -Dslf4j.provider; SLF4J reads the property once, when it first initialises (so
    // a Spark driver that initialised it with Spark's provider keeps that). See pom.xml.
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      // and without SLF4J's own line saying that it loads the provider named by the property
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
  }

  /**
   * Runs this class's static set-up (the quiet SLF4J provider) before another class of govsim's
   * loads parquet-java ({@link ParquetRead}).
   */
  static void quietLogging() {}

  /** The Parquet type of a column. */
  public enum Type {
    INT,
    LONG,
    DOUBLE,
    STRING
  }

  /**
   * One column.
   *
   * @param name the column name (as in the CSV header)
   * @param type its type
   * @param required true if every row has a value (a key column)
   */
  public record Column(String name, Type type, boolean required) {
    public static Column key(String name, Type type) {
      return new Column(name, type, true);
    }

    public static Column optional(String name, Type type) {
      return new Column(name, type, false);
    }
  }

  /** Optional DOUBLE columns of the given names (metric columns). */
  public static List<Column> doubles(List<String> names) {
    return names.stream().map(n -> Column.optional(n, Type.DOUBLE)).toList();
  }

  /** Rows per row group: a reader can skip or read row groups in parallel. */
  static final int ROW_GROUP_ROWS = 1 << 20;

  private final Path file;
  private final List<Column> columns;
  private final boolean[] set;
  private final long[] longs;
  private final double[] doubles;
  private final String[] strings;
  private final ParquetWriter<ParquetTable> writer;

  /**
   * Opens {@code file} for writing (replacing it if it exists: callers write to a temporary file
   * and move it into place).
   *
   * @param schemaName the message name in the schema (e.g. "runs")
   */
  public ParquetTable(Path file, String schemaName, List<Column> columns) {
    this.file = file;
    this.columns = List.copyOf(columns);
    int n = columns.size();
    set = new boolean[n];
    longs = new long[n];
    doubles = new double[n];
    strings = new String[n];
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (Column c : columns) {
      var field = c.required() ? b.required(primitive(c.type())) : b.optional(primitive(c.type()));
      if (c.type() == Type.STRING) field.as(LogicalTypeAnnotation.stringType());
      field.named(c.name());
    }
    MessageType schema = b.named(schemaName);
    try {
      writer =
          new Builder(new LocalOutputFile(file), schema)
              .withConf(new PlainParquetConfiguration())
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .withCodecFactory(Zstd.INSTANCE)
              .withCompressionCodec(CompressionCodecName.ZSTD)
              .withRowGroupRowCountLimit(ROW_GROUP_ROWS)
              // Format version 1 pages, plain and dictionary encodings only: what every reader
              // (pyarrow, fastparquet, DuckDB, polars, R's arrow, Spark) opens. Byte-stream-split
              // doubles would save only ~3% on govsim's series (measured) and some readers lack it.
              .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
              .withDictionaryEncoding(true)
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static PrimitiveTypeName primitive(Type t) {
    return switch (t) {
      case INT -> PrimitiveTypeName.INT32;
      case LONG -> PrimitiveTypeName.INT64;
      case DOUBLE -> PrimitiveTypeName.DOUBLE;
      case STRING -> PrimitiveTypeName.BINARY;
    };
  }

  /** The columns, in order. */
  public List<Column> columns() {
    return columns;
  }

  /** Sets an INT or LONG column of the current row. */
  public void set(int column, long value) {
    Type t = columns.get(column).type();
    if (t != Type.INT && t != Type.LONG)
      throw new IllegalArgumentException(columns.get(column).name() + " is not an integer column");
    longs[column] = value;
    set[column] = true;
  }

  /**
   * Sets a DOUBLE column of the current row; NaN leaves it null. The value is stored as the CSV
   * files print it: rounded to ten significant digits ({@link govsim.observe.Num}), so that the
   * Parquet and CSV outputs hold the same numbers (and the rounded doubles compress well).
   */
  public void set(int column, double value) {
    if (columns.get(column).type() != Type.DOUBLE)
      throw new IllegalArgumentException(columns.get(column).name() + " is not a double column");
    doubles[column] = round(value);
    set[column] = !Double.isNaN(value);
  }

  private static final MathContext TEN = new MathContext(10, RoundingMode.HALF_EVEN);

  /**
   * x rounded to ten significant digits, exactly as Num.format rounds it (integers as they are).
   */
  static double round(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x) || x == Math.rint(x)) return x;
    return new BigDecimal(x).round(TEN).doubleValue();
  }

  /** Sets a STRING column of the current row; null or "" leaves it null. */
  public void set(int column, String value) {
    if (columns.get(column).type() != Type.STRING)
      throw new IllegalArgumentException(columns.get(column).name() + " is not a text column");
    strings[column] = value;
    set[column] = value != null && !value.isEmpty();
  }

  /** Writes the current row and clears it. */
  public void endRow() {
    for (int i = 0; i < set.length; i++) {
      if (!set[i] && columns.get(i).required())
        throw new IllegalStateException("required column " + columns.get(i).name() + " not set");
    }
    try {
      writer.write(this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    Arrays.fill(set, false);
  }

  @Override
  public void close() {
    try {
      writer.close();
      sortFooterEncodings(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * parquet-java lists each column chunk's encodings (and their page statistics) in the order of a
   * hash set of enum constants, whose identity hash codes differ from one JVM to the next; so the
   * same rows written by two processes (a shard merge and a one-machine sweep) gave files that
   * differed in a few footer bytes. Sorting both lists in the footer makes the file a function of
   * its rows alone. The sorted footer has the same length, so it is rewritten in place.
   */
  static void sortFooterEncodings(Path file) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, tail, size - 8);
      int length = tail.getInt(0);
      long start = size - 8 - length;
      ByteBuffer footer = ByteBuffer.allocate(length);
      readFully(ch, footer, start);
      FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
      for (RowGroup group : meta.getRow_groups()) {
        for (ColumnChunk chunk : group.getColumns()) {
          ColumnMetaData m = chunk.getMeta_data();
          m.getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
          if (m.isSetEncoding_stats()) {
            m.getEncoding_stats()
                .sort(
                    Comparator.comparingInt((PageEncodingStats st) -> st.getPage_type().getValue())
                        .thenComparingInt(st -> st.getEncoding().getValue()));
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(length);
      Util.writeFileMetaData(meta, out);
      if (out.size() != length) {
        throw new IOException("the sorted Parquet footer changed length");
      }
      ByteBuffer sorted = ByteBuffer.wrap(out.toByteArray());
      while (sorted.hasRemaining()) ch.write(sorted, start + sorted.position());
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf, at + buf.position()) < 0) throw new IOException("truncated Parquet file");
    }
  }

  private void writeTo(RecordConsumer rc) {
    rc.startMessage();
    for (int i = 0; i < set.length; i++) {
      if (!set[i]) continue;
      Column c = columns.get(i);
      rc.startField(c.name(), i);
      switch (c.type()) {
        case INT -> rc.addInteger((int) longs[i]);
        case LONG -> rc.addLong(longs[i]);
        case DOUBLE -> rc.addDouble(doubles[i]);
        case STRING -> rc.addBinary(Binary.fromString(strings[i]));
      }
      rc.endField(c.name(), i);
    }
    rc.endMessage();
  }

  /** Hands the table's current row to the record consumer. */
  private static final class RowSupport extends WriteSupport<ParquetTable> {
    private final MessageType schema;
    private RecordConsumer consumer;

    RowSupport(MessageType schema) {
      this.schema = schema;
    }

    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      consumer = recordConsumer;
    }

    @Override
    public void write(ParquetTable row) {
      row.writeTo(consumer);
    }
  }

  private static final class Builder extends ParquetWriter.Builder<ParquetTable, Builder> {
    private final MessageType schema;

    Builder(OutputFile file, MessageType schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    // Hadoop's Configuration appears only in this signature (required by the abstract builder);
    // the plain configuration above routes parquet-java to the overload below.
    @Override
    protected WriteSupport<ParquetTable> getWriteSupport(
        org.apache.hadoop.conf.Configuration conf) {
      return new RowSupport(schema);
    }

    @Override
    protected WriteSupport<ParquetTable> getWriteSupport(ParquetConfiguration conf) {
      return new RowSupport(schema);
    }
  }

  /**
   * Zstandard pages by aircompressor's pure-Java codec (level 3, its only level): no native library
   * and no Hadoop codec classes. Decompression is there for readers in tests.
   */
  public static final class Zstd implements CompressionCodecFactory {
    public static final Zstd INSTANCE = new Zstd();

    private Zstd() {}

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
      if (codec != CompressionCodecName.ZSTD)
        throw new IllegalArgumentException("only ZSTD pages are written, not " + codec);
      return new BytesInputCompressor() {
        private final ZstdCompressor zstd = new ZstdCompressor();
        private byte[] out = new byte[0];

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
          byte[] in = bytes.toByteArray();
          int max = zstd.maxCompressedLength(in.length);
          if (out.length < max) out = new byte[max];
          int k = zstd.compress(in, 0, in.length, out, 0, out.length);
          // A copy: parquet-java may keep the page until the row group is flushed.
          return BytesInput.from(Arrays.copyOf(out, k));
        }

        @Override
        public CompressionCodecName getCodecName() {
          return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {}
      };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
      return new BytesInputDecompressor() {
        private final ZstdDecompressor zstd = new ZstdDecompressor();

        @Override
        public BytesInput decompress(BytesInput bytes, int size) throws IOException {
          if (codec == CompressionCodecName.UNCOMPRESSED) return bytes;
          byte[] in = bytes.toByteArray();
          byte[] out = new byte[size];
          zstd.decompress(in, 0, in.length, out, 0, size);
          return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer in, int inSize, ByteBuffer out, int outSize)
            throws IOException {
          byte[] a = new byte[inSize];
          in.get(a);
          byte[] b = decompress(BytesInput.from(a), outSize).toByteArray();
          out.put(b);
        }

        @Override
        public void release() {}
      };
    }

    @Override
    public void release() {}
  }
}
