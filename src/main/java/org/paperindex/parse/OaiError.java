package org.paperindex.parse;

import java.util.Objects;

/** An OAI-PMH {@code <error code="...">message</error>} element. */
public record OaiError(String code, String message) {
  public static final String NO_RECORDS_MATCH = "noRecordsMatch";
  public static final String BAD_RESUMPTION_TOKEN = "badResumptionToken";
  public static final String ID_DOES_NOT_EXIST = "idDoesNotExist";

  public OaiError {
    Objects.requireNonNull(code, "code");
    message = message == null ? "" : message.strip();
  }
}
