package org.paperindex.harvest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.store.RecordStore;

/**
 * The completeness check: what OAI-PMH and the listing feeds said exists, per set or category
 * and day (the last two weeks), is compared with what the record store holds; missing papers are fetched by id through the Atom
 * API (the gap heals) and what stays missing is reported in status and as a metric. Silent loss
 * is what this exists to catch: a feed item that failed to ingest, a stale feed day re-read.
 */
public final class Completeness {
  static final String ANNOUNCED_PREFIX = "announced:";
  static final String LAST_REPORT = "completeness.last";
  private static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final RecordStore store;
  private final FetchService fetch;

  /** One check: days and papers compared, gaps found, healed, and what is still missing. */
  public record Report(
      Instant at, int days, int announced, int missingBefore, int healed, List<String> stillMissing) {}

  public Completeness(RecordStore store, FetchService fetch) {
    this.store = store;
    this.fetch = fetch;
  }

  /** Remembers the ids a category's feed announced on a day (union over re-reads). */
  static void recordAnnounced(RecordStore store, String category, LocalDate day, List<String> ids) {
    if (day == null || ids.isEmpty()) {
      return;
    }
    String key = ANNOUNCED_PREFIX + day + ":" + category;
    Set<String> all = new LinkedHashSet<>();
    store.meta(key).ifPresent(v -> all.addAll(Arrays.asList(v.split(","))));
    all.addAll(ids);
    store.putMeta(key, String.join(",", all));
  }

  /** Compares, heals by fetching the missing papers, and saves the report. */
  public synchronized Report check() {
    Map<String, String> announced = recent(LocalDate.now(java.time.ZoneOffset.UTC));
    Set<String> ids = new LinkedHashSet<>();
    announced.values().forEach(v -> ids.addAll(Arrays.asList(v.split(","))));
    List<ArxivId> missing = missing(ids);
    int before = missing.size();
    if (!missing.isEmpty()) {
      for (int i = 0; i < missing.size(); i += 100) {
        try {
          fetch.fetch(missing.subList(i, Math.min(missing.size(), i + 100)), false);
        } catch (HarvestException e) {
          // reported below as still missing; the next check tries again
        }
      }
      missing = missing(ids);
    }
    Report r = new Report(Instant.now(), announced.size(), ids.size(), before, before - missing.size(),
        missing.stream().map(ArxivId::value).toList());
    try {
      store.putMeta(LAST_REPORT, JSON.writeValueAsString(r));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store.commit();
    return r;
  }

  /** Days a check looks back; announcements older than {@link #KEEP_DAYS} are forgotten. */
  static final int CHECK_DAYS = 14;
  static final int KEEP_DAYS = 60;

  /** The announcements of the last {@link #CHECK_DAYS} days; drops those past {@link #KEEP_DAYS}. */
  private Map<String, String> recent(LocalDate today) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (Map.Entry<String, String> e : store.metaWithPrefix(ANNOUNCED_PREFIX).entrySet()) {
      String rest = e.getKey().substring(ANNOUNCED_PREFIX.length());
      LocalDate day;
      try {
        day = LocalDate.parse(rest.substring(0, Math.min(10, rest.length())));
      } catch (java.time.format.DateTimeParseException bad) {
        continue;
      }
      if (day.isBefore(today.minusDays(KEEP_DAYS))) {
        store.putMeta(e.getKey(), null); // bounded: the map never grows past KEEP_DAYS of days
      } else if (!day.isBefore(today.minusDays(CHECK_DAYS))) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** The last saved report, if any. */
  public static Optional<Report> last(RecordStore store) {
    return store.meta(LAST_REPORT).map(v -> {
      try {
        return JSON.readValue(v, Report.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private List<ArxivId> missing(Set<String> ids) {
    List<ArxivId> out = new ArrayList<>();
    for (String s : ids) {
      Optional<ArxivId> id = ArxivId.tryParse(s);
      if (id.isPresent()) {
        Paper p = store.get(id.get()).orElse(null);
        if (p == null || p.isStub()) {
          out.add(id.get());
        }
      }
    }
    return out;
  }
}
