package govsim.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Reads a flat Parquet table as govsim writes them ({@link ParquetTable}: int32, int64, double and
 * UTF-8 columns, optional or required, Zstandard or uncompressed pages) without Hadoop:
 * parquet-java's file reader needs Hadoop's classes at run time, so the footer and page headers are
 * read here with parquet-format's Thrift structures and the pages are decoded and assembled into
 * rows by parquet-column's own column readers (the same decoding any Parquet reader uses). Files
 * from other writers with nested columns or version-2 data pages are refused with a message.
 */
public final class ParquetRead {
  private ParquetRead() {}

  static {
    ParquetTable.quietLogging(); // before parquet-java's classes load (see ParquetTable)
  }

  /** A table read back: column names and each row's cells (Long, Double, String or null). */
  public record Table(List<String> columns, List<Object[]> rows) {}

  /** A file that is not a flat Parquet table govsim can read; the message says why. */
  public static final class Unreadable extends IOException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /**
   * Reads the columns accepted by {@code keep}, in file order.
   *
   * @throws Unreadable if the file is not a Parquet file or uses what govsim does not write
   * @throws IOException if it cannot be read
   */
  public static Table read(Path file, Predicate<String> keep) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      FileMetaData meta = footer(file, ch);
      MessageType full = schema(file, meta.getSchema());
      List<Type> kept = new ArrayList<>();
      for (Type t : full.getFields()) if (keep.test(t.getName())) kept.add(t);
      MessageType schema = new MessageType(full.getName(), kept);
      List<String> names = kept.stream().map(Type::getName).toList();
      List<Object[]> rows = new ArrayList<>();
      for (RowGroup group : meta.getRow_groups()) {
        GroupPages pages = new GroupPages(group.getNum_rows());
        for (ColumnChunk chunk : group.getColumns()) {
          ColumnMetaData m = chunk.getMeta_data();
          String name = m.getPath_in_schema().get(0);
          if (!names.contains(name)) continue;
          ColumnDescriptor d = schema.getColumnDescription(new String[] {name});
          pages.put(d, chunkPages(file, ch, m, d));
        }
        RecordReader<Group> reader =
            new ColumnIOFactory()
                .getColumnIO(schema)
                .getRecordReader(pages, new GroupRecordConverter(schema));
        for (long r = 0; r < group.getNum_rows(); r++) {
          Group g = reader.read();
          Object[] row = new Object[names.size()];
          for (int c = 0; c < row.length; c++) {
            String n = names.get(c);
            if (g.getFieldRepetitionCount(n) == 0) continue;
            row[c] =
                switch (kept.get(c).asPrimitiveType().getPrimitiveTypeName()) {
                  case INT32 -> (long) g.getInteger(n, 0);
                  case INT64 -> g.getLong(n, 0);
                  case DOUBLE -> g.getDouble(n, 0);
                  case BINARY -> g.getString(n, 0);
                  default -> throw new Unreadable(file + ": column " + n + " has an unread type");
                };
          }
          rows.add(row);
        }
      }
      return new Table(names, rows);
    } catch (RuntimeException e) {
      throw new Unreadable(
          file + ": not a Parquet table govsim can read (damaged, or from another writer)");
    }
  }

  private static FileMetaData footer(Path file, FileChannel ch) throws IOException {
    long size = ch.size();
    if (size < 12) throw new Unreadable(file + ": too short to be a Parquet file");
    ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, tail, size - 8);
    if (tail.get(4) != 'P' || tail.get(5) != 'A' || tail.get(6) != 'R' || tail.get(7) != '1')
      throw new Unreadable(file + ": not a Parquet file (no PAR1 at its end)");
    int length = tail.getInt(0);
    if (length <= 0 || length > size - 12) throw new Unreadable(file + ": damaged Parquet footer");
    ByteBuffer footer = ByteBuffer.allocate(length);
    readFully(ch, footer, size - 8 - length);
    return Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
  }

  /** The flat schema of the footer's elements (the root, then one primitive per column). */
  private static MessageType schema(Path file, List<SchemaElement> elements) throws Unreadable {
    SchemaElement root = elements.get(0);
    if (root.getNum_children() != elements.size() - 1)
      throw new Unreadable(file + ": nested Parquet columns are not read");
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (SchemaElement e : elements.subList(1, elements.size())) {
      if (!e.isSetType() || e.getNum_children() > 0)
        throw new Unreadable(file + ": nested Parquet columns are not read");
      PrimitiveType.PrimitiveTypeName t =
          switch (e.getType()) {
            case INT32 -> PrimitiveType.PrimitiveTypeName.INT32;
            case INT64 -> PrimitiveType.PrimitiveTypeName.INT64;
            case DOUBLE -> PrimitiveType.PrimitiveTypeName.DOUBLE;
            case BYTE_ARRAY -> PrimitiveType.PrimitiveTypeName.BINARY;
            default ->
                throw new Unreadable(
                    file + ": column " + e.getName() + " has a type govsim does not write");
          };
      Type.Repetition rep =
          e.getRepetition_type() == FieldRepetitionType.REQUIRED
              ? Type.Repetition.REQUIRED
              : e.getRepetition_type() == FieldRepetitionType.OPTIONAL
                  ? Type.Repetition.OPTIONAL
                  : null;
      if (rep == null) throw new Unreadable(file + ": repeated Parquet columns are not read");
      var field = b.primitive(t, rep);
      if (t == PrimitiveType.PrimitiveTypeName.BINARY)
        field = field.as(LogicalTypeAnnotation.stringType());
      field.named(e.getName());
    }
    return b.named(root.getName());
  }

  /** The pages of one column chunk, decompressed. */
  private static ChunkPages chunkPages(
      Path file, FileChannel ch, ColumnMetaData m, ColumnDescriptor d) throws IOException {
    long start =
        m.isSetDictionary_page_offset() && m.getDictionary_page_offset() > 0
            ? Math.min(m.getDictionary_page_offset(), m.getData_page_offset())
            : m.getData_page_offset();
    long length = m.getTotal_compressed_size();
    if (length > Integer.MAX_VALUE) throw new Unreadable(file + ": column chunk too large");
    ByteBuffer buf = ByteBuffer.allocate((int) length);
    readFully(ch, buf, start);
    InputStream in = new ByteArrayInputStream(buf.array());
    CompressionCodec codec = m.getCodec();
    if (codec != CompressionCodec.ZSTD && codec != CompressionCodec.UNCOMPRESSED)
      throw new Unreadable(file + ": pages compressed with " + codec + " are not read");
    CompressionCodecName name = CompressionCodecName.valueOf(codec.name());
    var decompressor = ParquetTable.Zstd.INSTANCE.getDecompressor(name);
    ChunkPages pages = new ChunkPages(m.getNum_values());
    long values = 0;
    while (values < m.getNum_values()) {
      PageHeader h = Util.readPageHeader(in);
      byte[] raw = in.readNBytes(h.getCompressed_page_size());
      BytesInput bytes =
          decompressor.decompress(BytesInput.from(raw), h.getUncompressed_page_size());
      switch (h.getType()) {
        case DICTIONARY_PAGE ->
            pages.dictionary =
                new DictionaryPage(
                    bytes,
                    h.getUncompressed_page_size(),
                    h.getDictionary_page_header().getNum_values(),
                    Encoding.valueOf(h.getDictionary_page_header().getEncoding().name()));
        case DATA_PAGE -> {
          var dh = h.getData_page_header();
          pages.data.add(
              new DataPageV1(
                  BytesInput.copy(bytes),
                  dh.getNum_values(),
                  h.getUncompressed_page_size(),
                  Statistics.createStats(d.getPrimitiveType()),
                  Encoding.valueOf(dh.getRepetition_level_encoding().name()),
                  Encoding.valueOf(dh.getDefinition_level_encoding().name()),
                  Encoding.valueOf(dh.getEncoding().name())));
          values += dh.getNum_values();
        }
        default ->
            throw new Unreadable(file + ": Parquet pages of type " + h.getType() + " are not read");
      }
    }
    return pages;
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf, at + buf.position()) < 0) throw new Unreadable("truncated Parquet file");
    }
  }

  private static final class ChunkPages implements PageReader {
    final long total;
    DictionaryPage dictionary;
    final List<DataPage> data = new ArrayList<>();
    private int next;

    ChunkPages(long total) {
      this.total = total;
    }

    @Override
    public DictionaryPage readDictionaryPage() {
      return dictionary;
    }

    @Override
    public long getTotalValueCount() {
      return total;
    }

    @Override
    public DataPage readPage() {
      return next < data.size() ? data.get(next++) : null;
    }
  }

  private static final class GroupPages implements PageReadStore {
    private final long rows;
    private final Map<ColumnDescriptor, PageReader> readers = new HashMap<>();

    GroupPages(long rows) {
      this.rows = rows;
    }

    void put(ColumnDescriptor d, PageReader r) {
      readers.put(d, r);
    }

    @Override
    public PageReader getPageReader(ColumnDescriptor d) {
      PageReader r = readers.get(d);
      if (r == null) throw new IllegalArgumentException("no column " + d);
      return r;
    }

    @Override
    public long getRowCount() {
      return rows;
    }

    @Override
    public Optional<Long> getRowIndexOffset() {
      return Optional.empty();
    }
  }
}
