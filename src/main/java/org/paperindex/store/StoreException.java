package org.paperindex.store;

/** The record store could not be opened, read or written; the message names the file. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
