package org.paperindex.harvest;

import org.paperindex.parse.OaiRecord;
import org.paperindex.parse.RejectedRecord;

/**
 * Where harvested records go, page by page. Must upsert idempotently: OAI-PMH re-sends same-day
 * records and a restarted window repeats a day. {@link #commit()} is called once, after the last
 * page of a successful run and before the checkpoint moves; a failed run never calls it.
 */
public interface HarvestSink {
  void accept(OaiRecord record);

  void reject(RejectedRecord rejected);

  void commit();
}
