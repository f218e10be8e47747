package govsim.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Test helper: reads a Parquet file back with parquet-java's own reader (Hadoop's classes come from
 * the provided-scope hadoop-client-api on the test class path), one map per row, null for a null
 * cell. Integer columns come back as Long, doubles as Double, text as String.
 */
public final class ParquetRows {
  private ParquetRows() {}

  /** The file's schema and its created_by string. */
  public record Footer(MessageType schema, String createdBy, Map<String, String> keyValues) {}

  public static Footer footer(Path file) throws IOException {
    try (ParquetFileReader r = open(file)) {
      var meta = r.getFooter().getFileMetaData();
      return new Footer(meta.getSchema(), meta.getCreatedBy(), meta.getKeyValueMetaData());
    }
  }

  public static List<Map<String, Object>> read(Path file) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (ParquetFileReader r = open(file)) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      PageReadStore pages;
      while ((pages = r.readNextRowGroup()) != null) {
        RecordReader<Group> rows =
            new ColumnIOFactory()
                .getColumnIO(schema)
                .getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          Group g = rows.read();
          Map<String, Object> row = new LinkedHashMap<>();
          for (Type f : schema.getFields()) {
            String n = f.getName();
            if (g.getFieldRepetitionCount(n) == 0) {
              row.put(n, null);
              continue;
            }
            PrimitiveType.PrimitiveTypeName t = f.asPrimitiveType().getPrimitiveTypeName();
            row.put(
                n,
                switch (t) {
                  case INT32 -> (long) g.getInteger(n, 0);
                  case INT64 -> g.getLong(n, 0);
                  case DOUBLE -> g.getDouble(n, 0);
                  case BINARY -> g.getString(n, 0);
                  default -> throw new IllegalStateException("unexpected type " + t);
                });
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  private static ParquetFileReader open(Path file) throws IOException {
    ParquetReadOptions options =
        new ParquetReadOptions.Builder(new PlainParquetConfiguration())
            .withCodecFactory(ParquetTable.Zstd.INSTANCE)
            .build();
    return ParquetFileReader.open(new LocalInputFile(file), options);
  }
}
