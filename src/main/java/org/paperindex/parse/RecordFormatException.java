package org.paperindex.parse;

/** One record (e.g. a snapshot JSON line) is unusable; carries what identifier could be read. */
public class RecordFormatException extends FormatException {
  private final String identifier;

  public RecordFormatException(String identifier, String message, Throwable cause) {
    super(message, cause);
    this.identifier = identifier;
  }

  /** The record's identifier as read (null when none could be read). */
  public String identifier() {
    return identifier;
  }

  /** The quarantine entry for this failure with the record's raw text. */
  public RejectedRecord toRejected(String raw) {
    return new RejectedRecord(identifier, getMessage(), raw);
  }
}
