package org.paperindex.parse;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;

/**
 * One record of an OAI-PMH response: its header, and the parsed paper unless the record is
 * deleted ({@code status="deleted"}, then {@code paper} is null and the record only says the
 * paper was withdrawn).
 */
public record OaiRecord(
    ArxivId id, LocalDate datestamp, List<String> setSpecs, boolean deleted, Paper paper) {
  public OaiRecord {
    Objects.requireNonNull(id, "id");
    setSpecs = setSpecs == null ? List.of() : List.copyOf(setSpecs);
    if (!deleted && paper == null) {
      throw new IllegalArgumentException(id + ": a record that is not deleted needs metadata");
    }
  }
}
