package org.paperindex.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;

/**
 * Writes generated records in the format of Kaggle's {@code arxiv-metadata-oai-snapshot}: one
 * JSON object per line, fields in the snapshot's order, streamed to disk in constant memory.
 */
public final class KaggleJsonWriter {

  private static final JsonFactory FACTORY = new JsonFactory();
  // the snapshot's version dates: "Mon, 2 Apr 2007 19:18:42 GMT"
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

  private KaggleJsonWriter() {}

  /** Writes records {@code 0..count-1} of {@code gen} to {@code file}; returns the file size. */
  public static long writeFile(SyntheticArxiv gen, long count, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(gen, 0, count, out);
    }
    return Files.size(file);
  }

  /** Writes records {@code from..from+count-1} as JSON lines to {@code out} (not closed). */
  public static void write(SyntheticArxiv gen, long from, long count, OutputStream out)
      throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.setRootValueSeparator(new SerializedString("\n"));
    for (long i = from; i < from + count; i++) {
      write(gen.paper(i), g);
    }
    g.writeRaw('\n');
    g.flush();
  }

  /** One record as one JSON object. */
  public static void write(SyntheticPaper p, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", p.id());
    g.writeStringField("submitter", p.submitter());
    g.writeStringField("authors", p.authorLine());
    g.writeStringField("title", p.title());
    g.writeStringField("comments", p.comments());
    g.writeStringField("journal-ref", p.journalRef());
    g.writeStringField("doi", p.doi());
    g.writeStringField("report-no", p.reportNo());
    g.writeStringField("categories", String.join(" ", p.categories()));
    g.writeStringField("license", p.license());
    g.writeStringField("abstract", p.abstractText());
    g.writeArrayFieldStart("versions");
    List<Instant> vs = p.versions();
    for (int v = 0; v < vs.size(); v++) {
      g.writeStartObject();
      g.writeStringField("version", "v" + (v + 1));
      g.writeStringField("created", RFC_1123.format(vs.get(v).atOffset(ZoneOffset.UTC)));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("update_date", p.updateDate().toString());
    g.writeArrayFieldStart("authors_parsed");
    for (List<String> a : p.authors()) {
      g.writeStartArray();
      for (String part : a) {
        g.writeString(part);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
