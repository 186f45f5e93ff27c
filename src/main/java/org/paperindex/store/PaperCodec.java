package org.paperindex.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Institution;
import org.paperindex.model.Link;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;
import org.paperindex.model.Source;

/**
 * Converts a {@link Paper} to compact JSON bytes and back; the format of the record store and of
 * the index's stored copy.
 *
 * <p>Field names are written out by hand (not derived from the record components) so that renaming
 * a Java accessor can never silently change what is on disk. Null and empty values are omitted.
 */
public final class PaperCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PaperCodec() {}

  /** Serialises a paper to UTF-8 JSON. */
  public static byte[] encode(Paper p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", p.id().value());
    if (p.version() > 0) {
      o.put("v", p.version());
    }
    put(o, "title", p.title());
    put(o, "abstract", p.abstractText());
    if (!p.authors().isEmpty()) {
      ArrayNode arr = o.putArray("authors");
      for (Author a : p.authors()) {
        ObjectNode ao = arr.addObject();
        ao.put("name", a.name());
        put(ao, "key", a.keyname());
        put(ao, "fore", a.forenames());
        put(ao, "suffix", a.suffix());
        if (!a.affiliations().isEmpty()) {
          ArrayNode aff = ao.putArray("aff");
          a.affiliations().forEach(aff::add);
        }
      }
    }
    if (!p.categories().isEmpty()) {
      ArrayNode cats = o.putArray("cats");
      p.categories().forEach(cats::add);
    }
    put(o, "primary", p.primaryCategory());
    put(o, "submitted", p.submitted());
    put(o, "updated", p.updated());
    put(o, "doi", p.doi());
    put(o, "journalRef", p.journalRef());
    put(o, "comments", p.comments());
    put(o, "reportNo", p.reportNo());
    put(o, "license", p.license());
    if (p.withdrawn()) {
      o.put("withdrawn", true);
    }
    if (!p.versions().isEmpty()) {
      ArrayNode arr = o.putArray("versions");
      for (PaperVersion v : p.versions()) {
        ObjectNode vo = arr.addObject();
        vo.put("v", v.version());
        if (v.date() != null) {
          vo.put("date", v.date().toString());
        }
        put(vo, "size", v.size());
      }
    }
    if (!p.sources().isEmpty()) {
      putSources(o.putArray("sources"), p.sources());
    }
    put(o, "datestamp", p.datestamp());
    put(o, "submitter", p.submitter());
    if (!p.links().isEmpty()) {
      ArrayNode arr = o.putArray("links");
      for (Link l : p.links()) {
        ObjectNode lo = arr.addObject();
        lo.put("url", l.url()).put("host", l.host()).put("kind", l.kind());
        lo.put("official", l.official()).put("source", l.source().label());
      }
    }
    if (!p.institutions().isEmpty()) {
      ArrayNode arr = o.putArray("inst");
      for (Institution i : p.institutions()) {
        ObjectNode io = arr.addObject();
        io.put("ror", i.rorId()).put("name", i.name());
        put(io, "cc", i.countryCode());
        put(io, "country", i.country());
        io.put("score", i.score());
        putSources(io.putArray("sources"), i.sources());
        i.affiliations().forEach(io.putArray("aff")::add);
      }
    }
    if (!p.affiliationSources().isEmpty()) {
      ObjectNode as = o.putObject("affSources");
      p.affiliationSources().forEach((k, v) -> putSources(as.putArray(k), v));
    }
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise paper " + p.id(), e);
    }
  }

  /** Parses bytes written by {@link #encode}; throws {@link IllegalArgumentException} if damaged. */
  public static Paper decode(byte[] bytes) {
    JsonNode o;
    try {
      o = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("damaged paper record: " + e.getMessage(), e);
    }
    if (o == null || !o.isObject() || !o.hasNonNull("id")) {
      throw new IllegalArgumentException("damaged paper record: no id");
    }
    try {
      return fromTree(o);
    } catch (RuntimeException e) {
      // bad dates, versions or categories: report them as a damaged record, not a bare parse error
      throw new IllegalArgumentException("damaged paper record: " + e.getMessage(), e);
    }
  }

  private static Paper fromTree(JsonNode o) {
    Paper.Builder b = Paper.builder(new ArxivId(o.get("id").asText()));
    b.version(o.path("v").asInt(0));
    b.title(text(o, "title"));
    b.abstractText(text(o, "abstract"));
    List<Author> authors = new ArrayList<>();
    for (JsonNode a : o.path("authors")) {
      List<String> aff = new ArrayList<>();
      a.path("aff").forEach(x -> aff.add(x.asText()));
      authors.add(new Author(text(a, "name"), text(a, "key"), text(a, "fore"), text(a, "suffix"), aff));
    }
    b.authors(authors);
    List<String> cats = new ArrayList<>();
    o.path("cats").forEach(c -> cats.add(c.asText()));
    b.categories(cats);
    b.primaryCategory(text(o, "primary"));
    b.submitted(date(o, "submitted"));
    b.updated(date(o, "updated"));
    b.doi(text(o, "doi"));
    b.journalRef(text(o, "journalRef"));
    b.comments(text(o, "comments"));
    b.reportNo(text(o, "reportNo"));
    b.license(text(o, "license"));
    b.withdrawn(o.path("withdrawn").asBoolean(false));
    for (JsonNode v : o.path("versions")) {
      String d = text(v, "date");
      b.addVersion(new PaperVersion(text(v, "v"), d == null ? null : Instant.parse(d), text(v, "size")));
    }
    b.sources(sources(o.path("sources")));
    b.datestamp(date(o, "datestamp"));
    b.submitter(text(o, "submitter"));
    for (JsonNode l : o.path("links")) {
      b.addLink(new Link(text(l, "url"), text(l, "host"), text(l, "kind"),
          l.path("official").asBoolean(false), source(l.path("source").asText())));
    }
    List<Institution> inst = new ArrayList<>();
    for (JsonNode i : o.path("inst")) {
      List<String> aff = new ArrayList<>();
      i.path("aff").forEach(x -> aff.add(x.asText()));
      inst.add(new Institution(text(i, "ror"), text(i, "name"), text(i, "cc"), text(i, "country"),
          i.path("score").asDouble(), sources(i.path("sources")), aff));
    }
    b.institutions(inst);
    Map<String, Set<Source>> affSources = new TreeMap<>();
    o.path("affSources").fields().forEachRemaining(e -> affSources.put(e.getKey(), sources(e.getValue())));
    b.affiliationSources(affSources);
    return b.build();
  }

  private static void putSources(ArrayNode arr, Set<Source> sources) {
    // EnumSet order keeps the bytes stable for equal papers
    if (!sources.isEmpty()) {
      EnumSet.copyOf(sources).forEach(s -> arr.add(s.label()));
    }
  }

  private static Set<Source> sources(JsonNode arr) {
    Set<Source> out = EnumSet.noneOf(Source.class);
    arr.forEach(s -> out.add(source(s.asText())));
    return out;
  }

  private static Source source(String label) {
    return Source.valueOf(label.toUpperCase(Locale.ROOT));
  }

  private static void put(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  private static void put(ObjectNode o, String name, LocalDate value) {
    if (value != null) {
      o.put(name, value.toString());
    }
  }

  private static String text(JsonNode o, String name) {
    JsonNode n = o.get(name);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static LocalDate date(JsonNode o, String name) {
    String s = text(o, name);
    return s == null ? null : LocalDate.parse(s);
  }
}
