package org.paperindex.store;

import java.util.Objects;
import org.paperindex.model.Paper;

/**
 * What {@link RecordStore#upsert} did: the outcome, the merged paper as now stored, and the change
 * sequence number ({@code -1} when nothing changed).
 */
public record UpsertResult(Outcome outcome, Paper merged, long seq) {

  /** Whether the paper was new, changed, or already known exactly like this. */
  public enum Outcome {
    ADDED,
    UPDATED,
    UNCHANGED
  }

  public UpsertResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(merged, "merged");
  }

  /** True unless the outcome is {@link Outcome#UNCHANGED}. */
  public boolean changed() {
    return outcome != Outcome.UNCHANGED;
  }
}
