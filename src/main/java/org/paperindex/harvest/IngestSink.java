package org.paperindex.harvest;

import org.paperindex.index.Ingester;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.parse.OaiRecord;
import org.paperindex.parse.RejectedRecord;

/**
 * Sends harvested OAI records into the record store and index. A deleted record becomes a
 * withdrawn stub that the store merges into the existing paper, so deletions are never silent.
 */
public final class IngestSink implements HarvestSink {
  private final Ingester ingester;
  private final java.util.concurrent.atomic.AtomicLong added = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong updated = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong unchanged = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong rejected = new java.util.concurrent.atomic.AtomicLong();

  private record DaySet(java.time.LocalDate day, String set) {}

  private final java.util.Map<DaySet, java.util.Set<String>> announced = new java.util.HashMap<>();

  private java.util.Set<String> announced(java.time.LocalDate day, String set) {
    synchronized (announced) {
      return announced.computeIfAbsent(new DaySet(day == null ? java.time.LocalDate.EPOCH : day, set),
          k -> java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>()));
    }
  }

  /** What the records of the runs since the last call did to the store; resets the counts. */
  public record Counts(long added, long updated, long unchanged, long rejected) {}

  public Counts drain() {
    return new Counts(added.getAndSet(0), updated.getAndSet(0), unchanged.getAndSet(0),
        rejected.getAndSet(0));
  }

  public IngestSink(Ingester ingester) {
    this.ingester = ingester;
  }

  @Override
  public void accept(OaiRecord r) {
    if (!r.deleted()) {
      // what OAI-PMH says exists, per set and day, for the completeness check
      for (String set : r.setSpecs().isEmpty() ? java.util.List.of("all") : r.setSpecs()) {
        announced(r.datestamp(), "oai:" + set).add(r.id().value());
      }
    }
    Paper p =
        r.deleted()
            ? Paper.builder(r.id()).withdrawn(true).datestamp(r.datestamp()).source(Source.OAI).build()
            : r.paper();
    switch (ingester.accept(p).outcome()) {
      case ADDED -> added.incrementAndGet();
      case UPDATED -> updated.incrementAndGet();
      case UNCHANGED -> unchanged.incrementAndGet();
    }
  }

  @Override
  public void reject(RejectedRecord r) {
    rejected.incrementAndGet();
    // a record that did not parse still says the paper exists: completeness fetches it by id
    org.paperindex.model.ArxivId.tryParse(r.identifier())
        .ifPresent(id -> announced(java.time.LocalDate.now(java.time.ZoneOffset.UTC), "oai:rejected")
            .add(id.value()));
    ingester.reject(r, Source.OAI);
  }

  @Override
  public void commit() {
    synchronized (announced) {
      announced.forEach((k, ids) -> Completeness.recordAnnounced(ingester.store(), k.set(), k.day(),
          new java.util.ArrayList<>(ids)));
      announced.clear();
    }
    // durable in the store is what the checkpoint needs; the index follows in the background
    ingester.commitStore();
  }
}
