package org.paperindex.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.parse.RejectedRecord;
import org.paperindex.store.UpsertResult.Outcome;

/**
 * The durable record store: every paper merged across sources, in an H2 MVStore file
 * {@code <dataDir>/records.mv.db}. The index can always be rebuilt from here.
 *
 * <p>Maps: {@code papers} (id → {@link PaperCodec} bytes); {@code changes} (seq → id) holding only
 * the latest change of each paper, so {@link #replaySince} visits every changed paper once in
 * constant memory; {@code seqOf} (id → its latest seq); {@code quarantine}; {@code meta}.
 *
 * <p>Thread-safe: writes are serialised by one lock, reads go to MVStore's lock-free snapshots.
 * MVStore auto-commits in the background; {@link #commit()} makes everything so far durable.
 *
 * <p>An auto-commit may save a version that falls between two map writes of one upsert (MVStore
 * has no multi-map transaction outside its TransactionStore), and after a crash that version is
 * what the file holds. So an upsert writes its change-log entry first and the paper last: a saved
 * paper always has its entry, and a replay re-indexes it. (With the paper written first, a crash
 * could leave a paper in the store with no entry, missing from the index for good.) The worst
 * such a crash leaves now is a stale second entry for a paper, whose replay re-indexes the paper
 * as stored once more. Readers of the log stop at the last finished upsert: one in progress has
 * its entry written before its paper.
 */
public final class RecordStore implements AutoCloseable {

  public static final String FILE_NAME = "records.mv.db";
  /**
   * KB of unsaved changes before the background writer saves a chunk. Each chunk rewrites every
   * B-tree page it touches; with ids arriving in no particular order a small buffer rewrote the
   * same leaves over and over (6 KB written per 1.5 KB record, and most of a core spent
   * compressing). 16 MB bounds the heap it takes and the work a crash loses (MVStore reopens at
   * its last chunk; the change log replays the rest into the index).
   */
  private static final int AUTO_COMMIT_KB = 16 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUARANTINE_COUNTER = "quarantine.lastKey";

  private final Path file;
  private final MVStore mv;
  private final MVMap<String, byte[]> papers;
  private final MVMap<Long, String> changes;
  private final MVMap<String, Long> seqOf;
  private final MVMap<String, byte[]> quarantine;
  // digest of (source, identifier, raw) -> quarantine key: one entry per rejected record
  private final MVMap<String, String> quarantineByDigest;
  private final MVMap<String, String> meta;
  private final ReentrantLock writeLock = new ReentrantLock();
  private long lastSeq;
  private long lastQuarantineKey;

  private RecordStore(Path file, MVStore mv) {
    this.file = file;
    this.mv = mv;
    this.papers = mv.openMap("papers");
    this.changes = mv.openMap("changes");
    this.seqOf = mv.openMap("seqOf");
    this.quarantine = mv.openMap("quarantine");
    this.quarantineByDigest = mv.openMap("quarantineByDigest");
    this.meta = mv.openMap("meta");
    Long last = changes.lastKey();
    this.lastSeq = last == null ? 0 : last;
    String lastQ = quarantine.lastKey();
    // keys are never reused, even after the newest entries were released
    this.lastQuarantineKey = Math.max(lastQ == null ? 0 : Long.parseLong(lastQ),
        Long.parseLong(meta.getOrDefault(QUARANTINE_COUNTER, "0")));
  }

  /** Opens (or creates) the store in {@code dataDir}; fails with a message naming the file. */
  public static RecordStore open(Path dataDir) {
    return open(dataDir, AUTO_COMMIT_KB);
  }

  /** As {@link #open(Path)}, auto-committing after {@code autoCommitKb} KB of changes (tests). */
  static RecordStore open(Path dataDir, int autoCommitKb) {
    Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
    MVStore mv = null;
    try {
      Files.createDirectories(dataDir);
      mv = new MVStore.Builder()
          .fileName(file.toString())
          .autoCommitBufferSize(autoCommitKb)
          .cacheSize(64) // MB of read cache: the upper B-tree levels of papers/seqOf stay hot
          .compress()
          // no chunk rewriting: H2 2.3.232's compaction (in the background and on close) can
          // drop chunks still referenced ("Chunk 13 not found" on reopen after a clean 20k-record
          // import in CrashSafetyTest; h2database#4247). Free space of dead chunks is still reused.
          .autoCompactFillRate(0)
          .open();
      return new RecordStore(file, mv);
    } catch (IOException | RuntimeException e) {
      if (mv != null) {
        mv.closeImmediately();
      }
      throw new StoreException("cannot open record store " + file + ": " + e.getMessage()
          + " (if the file is damaged, move it away and re-import; if it is locked, another"
          + " paperindex process is using it)", e);
    }
  }

  /** The store file. */
  public Path file() {
    return file;
  }

  /** Merges {@code incoming} with the stored paper and stores the result if it differs. */
  public UpsertResult upsert(Paper incoming) {
    Objects.requireNonNull(incoming, "incoming");
    String key = incoming.id().value();
    writeLock.lock();
    try {
      byte[] old = papers.get(key);
      Paper existing = old == null ? null : decode(key, old);
      Paper merged = PaperMerger.merge(existing, incoming);
      if (merged.equals(existing)) {
        return new UpsertResult(Outcome.UNCHANGED, existing, -1);
      }
      long seq = ++lastSeq;
      // in this order: see the class doc (a saved version may end after any of these writes)
      changes.put(seq, key);
      Long previous = seqOf.put(key, seq);
      if (previous != null) {
        changes.remove(previous); // keep only the latest change per paper
      }
      papers.put(key, PaperCodec.encode(merged));
      return new UpsertResult(existing == null ? Outcome.ADDED : Outcome.UPDATED, merged, seq);
    } finally {
      writeLock.unlock();
    }
  }

  /** The stored paper with this id. */
  public Optional<Paper> get(ArxivId id) {
    byte[] b = papers.get(id.value());
    return b == null ? Optional.empty() : Optional.of(decode(id.value(), b));
  }

  /** Number of papers (stubs included). */
  public long count() {
    return papers.sizeAsLong();
  }

  /** Visits every paper in id order, streaming from disk. */
  public void forEach(Consumer<Paper> action) {
    Cursor<String, byte[]> c = papers.cursor(null);
    while (c.hasNext()) {
      String key = c.next();
      action.accept(decode(key, c.getValue()));
    }
  }

  /** The sequence number of the latest change ({@code 0} for an empty store). */
  public long lastSeq() {
    writeLock.lock();
    try {
      return lastSeq;
    } finally {
      writeLock.unlock();
    }
  }

  /** One entry of the change log: the paper's latest change has this sequence number. */
  public record Change(long seq, ArxivId id) {}

  /** Up to {@code limit} entries of the change log after {@code seq}, oldest first. */
  public List<Change> changedSince(long seq, int limit) {
    List<Change> out = new ArrayList<>();
    forEachChange(seq, (k, id) -> {
      out.add(new Change(k, new ArxivId(id)));
      return out.size() < limit;
    });
    return out;
  }

  /** Visits each paper changed after {@code seq} once, in change order, in its current state. */
  public void replaySince(long seq, Consumer<Paper> action) {
    forEachChange(seq, (k, id) -> {
      byte[] b = papers.get(id);
      if (b != null) {
        action.accept(decode(id, b));
      }
      return true;
    });
  }

  /**
   * The change log after {@code seq} in order, up to the last finished upsert (one in progress
   * has written its entry before its paper), until {@code visit} returns false. The cursor reads
   * one snapshot: each paper has one entry in it (or, after a crash, perhaps a stale second one:
   * see the class doc).
   */
  private void forEachChange(long seq, java.util.function.BiPredicate<Long, String> visit) {
    long upTo = lastSeq(); // under the write lock: every upsert up to here has finished
    Cursor<Long, String> c = changes.cursor(seq + 1);
    while (c.hasNext()) {
      Long k = c.next();
      if (k > upTo) {
        return;
      }
      if (!visit.test(k, c.getValue())) {
        return;
      }
    }
  }

  /** Makes every change so far durable (MVStore commit + fsync). */
  public void commit() {
    writeLock.lock();
    try {
      mv.commit();
      mv.sync();
    } catch (RuntimeException e) {
      throw new StoreException("cannot commit record store " + file + ": " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** A metadata value, e.g. the harvester's resumption state. */
  public Optional<String> meta(String key) {
    return Optional.ofNullable(meta.get(key));
  }

  /** Every metadata entry whose key starts with {@code prefix}, in key order. */
  public java.util.SortedMap<String, String> metaWithPrefix(String prefix) {
    java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
    Cursor<String, String> c = meta.cursor(prefix);
    while (c.hasNext()) {
      String k = c.next();
      if (!k.startsWith(prefix)) {
        break;
      }
      out.put(k, c.getValue());
    }
    return out;
  }

  /** Sets a metadata value (null removes it). */
  public void putMeta(String key, String value) {
    if (value == null) {
      meta.remove(key);
    } else {
      meta.put(key, value);
    }
  }

  /**
   * Keeps a rejected record for inspection; returns its quarantine key. The same record rejected
   * again (a run repeated after a crash, a re-harvested day) updates its entry instead of adding
   * a second one, so the quarantine has no duplicates either.
   */
  public String quarantine(RejectedRecord r, Source source) {
    String digest = digest(source, r.identifier(), r.raw());
    ObjectNode o = JSON.createObjectNode();
    o.put("identifier", r.identifier());
    o.put("reason", r.reason());
    o.put("raw", r.raw());
    o.put("source", source == null ? null : source.name());
    o.put("time", Instant.now().toString());
    writeLock.lock();
    try {
      String existing = quarantineByDigest.get(digest);
      if (existing != null && quarantine.containsKey(existing)) {
        quarantine.put(existing, JSON.writeValueAsBytes(o));
        return existing;
      }
      // zero-padded counter: keys sort in arrival order
      String key = String.format("%012d", ++lastQuarantineKey);
      quarantine.put(key, JSON.writeValueAsBytes(o));
      quarantineByDigest.put(digest, key);
      meta.put(QUARANTINE_COUNTER, Long.toString(lastQuarantineKey));
      return key;
    } catch (IOException e) {
      throw new StoreException("cannot write quarantine entry to " + file, e);
    } finally {
      writeLock.unlock();
    }
  }

  private static String digest(Source source, String identifier, String raw) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      md.update(String.valueOf(source).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(String.valueOf(identifier).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /** The oldest {@code limit} quarantined records. */
  public List<QuarantineEntry> quarantined(int limit) {
    List<QuarantineEntry> out = new ArrayList<>();
    Cursor<String, byte[]> c = quarantine.cursor(null);
    while (c.hasNext() && out.size() < limit) {
      String key = c.next();
      out.add(quarantineEntry(key, c.getValue()));
    }
    return out;
  }

  private QuarantineEntry quarantineEntry(String key, byte[] bytes) {
    try {
      JsonNode o = JSON.readTree(bytes);
      String src = o.path("source").isNull() ? null : o.path("source").asText(null);
      return new QuarantineEntry(key, o.path("identifier").asText(null),
          o.path("reason").asText(), o.path("raw").asText(""),
          src == null ? null : Source.valueOf(src), Instant.parse(o.path("time").asText()));
    } catch (IOException | RuntimeException ex) {
      throw new StoreException("damaged quarantine entry " + key + " in " + file, ex);
    }
  }

  /** The quarantined record with this key, if it is still there. */
  public Optional<QuarantineEntry> quarantined(String key) {
    byte[] b = quarantine.get(key);
    return b == null ? Optional.empty() : Optional.of(quarantineEntry(key, b));
  }

  /**
   * Keeps a quarantined record under its key with a new reason (a retry that failed again), so
   * the operator sees why it fails now, not why it failed the first time.
   */
  public void requarantine(String key, String reason) {
    writeLock.lock();
    try {
      byte[] b = quarantine.get(key);
      if (b == null) {
        return;
      }
      ObjectNode o = (ObjectNode) JSON.readTree(b);
      o.put("reason", reason);
      o.put("time", Instant.now().toString());
      quarantine.put(key, JSON.writeValueAsBytes(o));
    } catch (IOException | RuntimeException e) {
      throw new StoreException("cannot update quarantine entry " + key + " in " + file, e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Number of quarantined records. */
  public long quarantineSize() {
    return quarantine.sizeAsLong();
  }

  /** Removes a quarantined record (after it was fixed or re-fetched). */
  public void release(String key) {
    writeLock.lock();
    try {
      byte[] b = quarantine.remove(key);
      if (b != null) {
        QuarantineEntry e = quarantineEntry(key, b);
        quarantineByDigest.remove(digest(e.source(), e.identifier(), e.raw()));
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** Commits and closes the file. */
  @Override
  public void close() {
    writeLock.lock();
    try {
      if (!mv.isClosed()) {
        mv.close(0); // 0 ms of compaction on close: see autoCompactFillRate(0) in open()
      }
    } finally {
      writeLock.unlock();
    }
  }

  private Paper decode(String key, byte[] bytes) {
    try {
      return PaperCodec.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new StoreException("record " + key + " in " + file + " is unreadable: " + e.getMessage(), e);
    }
  }
}
