package org.paperindex.parse;

/**
 * A whole document is not in the expected format (not XML, truncated, wrong root element). Single
 * bad records inside a good document do not throw: they become {@link RejectedRecord}s.
 */
public class FormatException extends Exception {
  public FormatException(String message) {
    super(message);
  }

  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
