package org.paperindex.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;
import org.paperindex.model.Source;

/** Parses one line of Kaggle's arxiv-metadata-oai-snapshot JSON-lines dump into a {@link Paper}. */
public final class KaggleSnapshotParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Parses one JSON line; the exception's message says what was wrong. */
  public Paper parseLine(String line) throws RecordFormatException {
    if (line == null || line.isBlank()) {
      throw new RecordFormatException(null, "empty line", null);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new RecordFormatException(null, "invalid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new RecordFormatException(null, "not a JSON object", null);
    }
    String rawId = text(root, "id");
    if (rawId == null) {
      throw new RecordFormatException(null, "missing id", null);
    }
    try {
      return paper(ArxivId.parse(rawId), root);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new RecordFormatException(rawId, rawId + ": " + e.getMessage(), e);
    }
  }

  private static Paper paper(ArxivId id, JsonNode n) {
    Paper.Builder b = Paper.builder(id).source(Source.SNAPSHOT);
    b.submitter(TextNormalizer.inline(text(n, "submitter")));
    List<Author> authors = parsedAuthors(n.get("authors_parsed"));
    b.authors(authors.isEmpty() ? AuthorListParser.parse(text(n, "authors")) : authors);
    b.title(TextNormalizer.inline(text(n, "title")));
    b.comments(TextNormalizer.inline(text(n, "comments")));
    b.journalRef(TextNormalizer.inline(text(n, "journal-ref")));
    b.doi(Fields.firstDoi(text(n, "doi")));
    b.reportNo(TextNormalizer.inline(text(n, "report-no")));
    b.categories(Fields.categories(text(n, "categories")));
    b.license(TextNormalizer.inline(text(n, "license")));
    b.abstractText(TextNormalizer.paragraphs(text(n, "abstract")));
    JsonNode versions = n.get("versions");
    if (versions != null && versions.isArray()) {
      for (JsonNode v : versions) {
        String label = text(v, "version");
        if (label != null) {
          b.addVersion(new PaperVersion(label.strip(), Fields.rfc1123(text(v, "created")), null));
        }
      }
    }
    b.datestamp(Fields.date(text(n, "update_date")));
    return b.build();
  }

  /** [[keyname, forenames, suffix, affiliation...], ...]; empty when absent or unusable. */
  private static List<Author> parsedAuthors(JsonNode parsed) {
    List<Author> out = new ArrayList<>();
    if (parsed == null || !parsed.isArray()) {
      return out;
    }
    for (JsonNode a : parsed) {
      if (!a.isArray() || a.isEmpty()) {
        continue;
      }
      String keyname = TextNormalizer.inline(a.path(0).asText(""));
      String forenames = TextNormalizer.inline(a.path(1).asText(""));
      String suffix = TextNormalizer.inline(a.path(2).asText(""));
      List<String> affs = new ArrayList<>();
      for (int i = 3; i < a.size(); i++) {
        String aff = TextNormalizer.inline(a.get(i).asText(""));
        if (aff != null) {
          affs.add(aff);
        }
      }
      if (keyname != null || forenames != null) {
        out.add(Author.split(keyname, forenames, suffix, affs));
      }
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
