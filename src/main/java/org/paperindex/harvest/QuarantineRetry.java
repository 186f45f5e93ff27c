package org.paperindex.harvest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.paperindex.index.Ingester;
import org.paperindex.model.Source;
import org.paperindex.parse.FormatException;
import org.paperindex.parse.KaggleSnapshotParser;
import org.paperindex.parse.OaiPage;
import org.paperindex.parse.OaiPmhParser;
import org.paperindex.parse.OaiRecord;
import org.paperindex.parse.RecordFormatException;
import org.paperindex.store.QuarantineEntry;
import org.paperindex.store.RecordStore;

/**
 * Re-parses quarantined records with today's parsers (after a parser fix shipped): what parses
 * now is ingested and released from the quarantine, the rest stays with its new reason.
 */
public final class QuarantineRetry {

  /** What a retry did with one entry. */
  public enum Outcome {
    /** Parsed now: ingested and removed from the quarantine. */
    RELEASED,
    /** Still fails: kept, with the reason it fails now. */
    STILL_REJECTED,
    /** No parser can retry this source yet: kept unchanged. */
    UNSUPPORTED
  }

  /** The outcome for one quarantine key, with the new reason or what was ingested. */
  public record Result(String key, Outcome outcome, String detail) {}

  // an OAI record is stored as its own <record> element; the parser wants a whole response
  private static final String OAI_HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
          + "<ListRecords>";
  private static final String OAI_TAIL = "</ListRecords></OAI-PMH>";

  private final Ingester ingester;
  private final RecordStore store;
  private final OaiPmhParser oai = new OaiPmhParser();
  private final KaggleSnapshotParser snapshot = new KaggleSnapshotParser();

  public QuarantineRetry(Ingester ingester) {
    this.ingester = Objects.requireNonNull(ingester, "ingester");
    this.store = ingester.store();
  }

  /**
   * Retries one entry. The caller commits ({@link Ingester#commit()}) after a batch; until then a
   * crash may leave a released entry's paper uncommitted, which the store's own auto-commit and
   * the index catch-up make whole, or an ingested entry still quarantined, which a second retry
   * releases (upserts are idempotent).
   */
  public Result retry(QuarantineEntry e) {
    Source src = e.source();
    if (src == Source.SNAPSHOT) {
      try {
        var paper = snapshot.parseLine(e.raw());
        ingester.accept(paper);
        store.release(e.key());
        return new Result(e.key(), Outcome.RELEASED, paper.id().value());
      } catch (RecordFormatException ex) {
        return stillRejected(e, ex.getMessage());
      }
    }
    if (src == Source.OAI) {
      OaiPage page;
      try {
        page = oai.parse(new ByteArrayInputStream(
            (OAI_HEAD + e.raw() + OAI_TAIL).getBytes(StandardCharsets.UTF_8)));
      } catch (FormatException ex) {
        return stillRejected(e, ex.getMessage());
      }
      if (!page.rejected().isEmpty()) {
        return stillRejected(e, page.rejected().get(0).reason());
      }
      if (page.records().isEmpty()) {
        return stillRejected(e, "the raw text holds no OAI-PMH <record>");
      }
      IngestSink sink = new IngestSink(ingester);
      StringBuilder ids = new StringBuilder();
      for (OaiRecord r : page.records()) {
        sink.accept(r);
        ids.append(ids.isEmpty() ? "" : " ").append(r.id().value());
      }
      store.release(e.key());
      return new Result(e.key(), Outcome.RELEASED, ids.toString());
    }
    return new Result(e.key(), Outcome.UNSUPPORTED,
        "cannot retry source " + (src == null ? "unknown" : src.label()) + " yet");
  }

  private Result stillRejected(QuarantineEntry e, String reason) {
    String r = reason == null || reason.isBlank() ? "still does not parse" : reason;
    store.requarantine(e.key(), r);
    return new Result(e.key(), Outcome.STILL_REJECTED, r);
  }
}
