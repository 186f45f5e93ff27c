package org.paperindex.harvest;

import java.util.ArrayList;
import java.util.List;
import org.paperindex.parse.OaiRecord;
import org.paperindex.parse.RejectedRecord;

/** A {@link HarvestSink} that remembers what it got; {@code onCommit} runs inside commit(). */
final class RecordingSink implements HarvestSink {
  final List<OaiRecord> records = new ArrayList<>();
  final List<RejectedRecord> rejected = new ArrayList<>();
  int commits;
  Runnable onCommit = () -> {};

  @Override
  public void accept(OaiRecord record) {
    records.add(record);
  }

  @Override
  public void reject(RejectedRecord r) {
    rejected.add(r);
  }

  @Override
  public void commit() {
    onCommit.run();
    commits++;
  }

  List<String> ids() {
    return records.stream().map(r -> r.id().value()).toList();
  }
}
