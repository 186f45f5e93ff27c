package org.paperindex.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The ROR organisations loaded from one or more ROR data dump files (schema v1 or v2). */
public final class RorRegistry {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, RorRecord> byId;

  RorRegistry(Map<String, RorRecord> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /** Loads a comma-separated list of dump paths (plain, .gz or .zip JSON arrays). */
  public static RorRegistry load(String commaSeparatedPaths) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (String p : commaSeparatedPaths.split(",")) {
      if (!p.isBlank()) {
        paths.add(Path.of(p.trim()));
      }
    }
    return load(paths);
  }

  /** Loads the given dump files; a record present in both schemas keeps its v2 version. */
  public static RorRegistry load(List<Path> dumps) throws IOException {
    Map<String, RorRecord> byId = new LinkedHashMap<>();
    for (Path dump : dumps) {
      try (InputStream in = open(dump)) {
        readArray(in, byId);
      }
    }
    return new RorRegistry(byId);
  }

  /** Loads via a binary cache in {@code cacheDir} (rebuilt when the dump files change). */
  public static RorRegistry loadCached(List<Path> dumps, Path cacheDir) throws IOException {
    return RorRegistryCache.load(dumps, cacheDir);
  }

  /** All loaded records (withdrawn ones are skipped), in load order. */
  public Collection<RorRecord> records() {
    return byId.values();
  }

  /** The record with this id (full URL or bare 9-character id), or null. */
  public RorRecord get(String id) {
    return byId.get(fullId(id));
  }

  /** Number of loaded records. */
  public int size() {
    return byId.size();
  }

  /** Turns a bare ROR id into the https://ror.org/ URL form used by ROR. */
  public static String fullId(String id) {
    String s = id.trim();
    return s.startsWith("https://ror.org/") ? s : "https://ror.org/" + s.replaceFirst("^.*/", "");
  }

  static InputStream open(Path dump) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(dump), 1 << 16);
    String name = dump.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      return new GZIPInputStream(raw, 1 << 16);
    }
    if (name.endsWith(".zip")) {
      ZipInputStream zip = new ZipInputStream(raw);
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
          return zip;
        }
      }
      zip.close();
      throw new IOException("no .json entry in " + dump);
    }
    return raw;
  }

  // Streams the array and materialises one record at a time, never the whole dump.
  private static void readArray(InputStream in, Map<String, RorRecord> byId) throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("ROR dump is not a JSON array");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        JsonNode n = MAPPER.readTree(p);
        RorRecord r = n.has("names") ? fromV2(n) : fromV1(n);
        if (r == null) {
          continue;
        }
        RorRecord old = byId.get(r.id());
        if (old == null || r.schemaV2() || !old.schemaV2()) {
          byId.put(r.id(), r);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static RorRecord fromV2(JsonNode n) {
    String status = n.path("status").asText("active");
    if ("withdrawn".equals(status) || !n.hasNonNull("id")) {
      return null;
    }
    String display = null;
    List<String> names = new ArrayList<>();
    List<Byte> kinds = new ArrayList<>();
    for (JsonNode nm : n.path("names")) {
      String v = nm.path("value").asText("");
      if (v.isBlank()) {
        continue;
      }
      byte kind = RorRecord.KIND_LABEL;
      boolean isDisplay = false;
      for (JsonNode t : nm.path("types")) {
        switch (t.asText()) {
          case "ror_display" -> isDisplay = true;
          case "alias" -> kind = RorRecord.KIND_ALIAS;
          case "acronym" -> kind = RorRecord.KIND_ACRONYM;
          default -> { }
        }
      }
      if (isDisplay) {
        kind = RorRecord.KIND_DISPLAY;
        display = v;
      }
      names.add(v);
      kinds.add(kind);
    }
    if (display == null && !names.isEmpty()) {
      display = names.get(0);
    }
    if (display == null) {
      return null;
    }
    JsonNode geo = n.path("locations").path(0).path("geonames_details");
    List<String> parents = new ArrayList<>();
    for (JsonNode rel : n.path("relationships")) {
      if ("parent".equalsIgnoreCase(rel.path("type").asText())) {
        parents.add(rel.path("id").asText());
      }
    }
    return build(n.get("id").asText(), display, names, kinds,
        geo.path("country_code").asText(""), geo.path("country_name").asText(""),
        geo.path("name").asText(""), status, texts(n.path("types")), parents,
        texts(n.path("domains")), true, standing(n, texts(n.path("types")).contains("funder")));
  }

  private static RorRecord fromV1(JsonNode n) {
    String status = n.path("status").asText("active");
    if ("withdrawn".equals(status) || !n.hasNonNull("id") || !n.hasNonNull("name")) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<Byte> kinds = new ArrayList<>();
    names.add(n.get("name").asText());
    kinds.add(RorRecord.KIND_DISPLAY);
    for (JsonNode l : n.path("labels")) {
      names.add(l.path("label").asText(""));
      kinds.add(RorRecord.KIND_LABEL);
    }
    for (JsonNode a : n.path("aliases")) {
      names.add(a.asText(""));
      kinds.add(RorRecord.KIND_ALIAS);
    }
    for (JsonNode a : n.path("acronyms")) {
      names.add(a.asText(""));
      kinds.add(RorRecord.KIND_ACRONYM);
    }
    JsonNode addr = n.path("addresses").path(0);
    String city = addr.path("geonames_city").path("city").asText(addr.path("city").asText(""));
    List<String> parents = new ArrayList<>();
    for (JsonNode rel : n.path("relationships")) {
      if ("parent".equalsIgnoreCase(rel.path("type").asText())) {
        parents.add(rel.path("id").asText());
      }
    }
    List<String> types = new ArrayList<>();
    for (String t : texts(n.path("types"))) {
      types.add(t.toLowerCase(Locale.ROOT));
    }
    JsonNode country = n.path("country");
    return build(n.get("id").asText(), n.get("name").asText(), names, kinds,
        country.path("country_code").asText(""), country.path("country_name").asText(""), city,
        status, types, parents, texts(n.path("links")), false,
        standing(n, n.path("external_ids").has("FundRef")));
  }

  private static RorRecord build(String id, String display, List<String> names, List<Byte> kinds,
      String cc, String cn, String city, String status, List<String> types, List<String> parents,
      List<String> domains, boolean v2, int standing) {
    List<String> cleanNames = new ArrayList<>();
    List<Byte> cleanKinds = new ArrayList<>();
    cleanNames.add(display);
    cleanKinds.add(RorRecord.KIND_DISPLAY);
    for (int i = 0; i < names.size(); i++) {
      String nm = names.get(i);
      if (!nm.isBlank() && !cleanNames.contains(nm)) {
        cleanNames.add(nm);
        cleanKinds.add(kinds.get(i));
      }
    }
    byte[] k = new byte[cleanKinds.size()];
    for (int i = 0; i < k.length; i++) {
      k[i] = cleanKinds.get(i);
    }
    return new RorRecord(fullId(id), display, List.copyOf(cleanNames), k,
        cc.toUpperCase(Locale.ROOT), cn, city, !"inactive".equals(status), List.copyOf(types),
        List.copyOf(parents), List.copyOf(domains), v2, standing);
  }

  // Relationships and external ids (ISNI, Wikidata, GRID, FundRef) accumulate on organisations
  // that are widely referred to; a funder is one that grants cite. A parent link marks a unit of
  // something else, so it does not count. Same in both schemas: v1 keeps external ids in an
  // object, v2 in an array.
  private static int standing(JsonNode n, boolean funder) {
    int s = n.path("external_ids").size() + (funder ? 2 : 0);
    for (JsonNode rel : n.path("relationships")) {
      s += "parent".equalsIgnoreCase(rel.path("type").asText()) ? 0 : 1;
    }
    return s;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : array) {
      if (t.isTextual() && !t.asText().isBlank()) {
        out.add(t.asText());
      }
    }
    return out;
  }
}
