package org.paperindex.parse;

import java.time.Instant;
import java.util.List;

/**
 * One parsed OAI-PMH response page. {@code resumptionToken} is null (or empty) when the list is
 * complete; {@code errors} holds the protocol errors (e.g. noRecordsMatch, badResumptionToken),
 * empty on success. Records that failed to parse are in {@code rejected}, the rest in {@code records}.
 */
public record OaiPage(
    Instant responseDate,
    List<OaiRecord> records,
    List<RejectedRecord> rejected,
    String resumptionToken,
    List<OaiError> errors) {

  public OaiPage {
    records = List.copyOf(records);
    rejected = List.copyOf(rejected);
    errors = List.copyOf(errors);
    resumptionToken =
        resumptionToken == null || resumptionToken.isBlank() ? null : resumptionToken.strip();
  }

  public boolean hasError(String code) {
    return errors.stream().anyMatch(e -> e.code().equals(code));
  }
}
