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

  public IngestSink(Ingester ingester) {
    this.ingester = ingester;
  }

  @Override
  public void accept(OaiRecord r) {
    Paper p =
        r.deleted()
            ? Paper.builder(r.id()).withdrawn(true).datestamp(r.datestamp()).source(Source.OAI).build()
            : r.paper();
    ingester.accept(p);
  }

  @Override
  public void reject(RejectedRecord r) {
    ingester.reject(r, Source.OAI);
  }

  @Override
  public void commit() {
    ingester.commit();
  }
}
