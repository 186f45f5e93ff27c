package org.paperindex.search;

/** A search request the user must fix (bad syntax, unknown field, bad paging); the message says what. */
public class BadQueryException extends IllegalArgumentException {
  public BadQueryException(String message) {
    super(message);
  }
}
