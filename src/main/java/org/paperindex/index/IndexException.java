package org.paperindex.index;

/** The index could not be opened or written; the message names the directory. */
public class IndexException extends RuntimeException {
  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
