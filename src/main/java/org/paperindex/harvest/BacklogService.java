package org.paperindex.harvest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.store.RecordStore;

/**
 * The enrichment backlog: walks the record store's change log from a saved cursor and fetches
 * the abs page and HTML full text of papers that have not had them yet, a bounded batch per run
 * (the shared throttle bounds the rate). A paper enriched this way changes, but then carries the
 * ABS source and is skipped when the walk meets it again.
 */
public final class BacklogService {
  static final String CURSOR_KEY = "backlog.cursor";

  private final FetchService fetch;
  private final RecordStore store;
  private final int batch;

  /** What one run did. */
  public record Run(int examined, int fetched, long cursor, FetchService.Report pages) {}

  public BacklogService(FetchService fetch, RecordStore store, int batch) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.store = Objects.requireNonNull(store, "store");
    if (batch < 1) {
      throw new IllegalArgumentException("backlog batch must be at least 1");
    }
    this.batch = batch;
  }

  /** One run: up to {@code batch} papers get their pages; the cursor is saved after them. */
  public synchronized Run run() {
    long cursor = store.meta(CURSOR_KEY).map(Long::parseLong).orElse(0L);
    List<ArxivId> todo = new ArrayList<>();
    int examined = 0;
    long next = cursor;
    while (todo.size() < batch) {
      List<RecordStore.Change> changes = store.changedSince(next, 500);
      if (changes.isEmpty()) {
        break;
      }
      for (RecordStore.Change c : changes) {
        examined++;
        next = c.seq();
        Paper p = store.get(c.id()).orElse(null);
        if (p != null && !p.isStub() && !p.sources().contains(Source.ABS)) {
          todo.add(c.id());
          if (todo.size() == batch) {
            break;
          }
        }
      }
    }
    FetchService.Report r = todo.isEmpty() ? null : fetch.fetchPages(todo);
    store.putMeta(CURSOR_KEY, Long.toString(next));
    store.commit();
    return new Run(examined, todo.size(), next, r);
  }
}
