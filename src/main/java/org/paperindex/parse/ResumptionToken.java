package org.paperindex.parse;

/**
 * The full {@code <resumptionToken>} of a list response; {@code cursor} and
 * {@code completeListSize} are null when the server did not send them.
 */
public record ResumptionToken(String value, Long cursor, Long completeListSize) {
  public ResumptionToken {
    value = value == null || value.isBlank() ? null : value.strip();
  }

  /** True when this element marks the end of the list (empty token). */
  public boolean isEnd() {
    return value == null;
  }
}
