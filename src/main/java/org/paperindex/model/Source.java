package org.paperindex.model;

import java.util.Locale;

/** Where a piece of data came from; the lower-case name is what the API shows. */
public enum Source {
  OAI,
  API,
  SNAPSHOT,
  ABS,
  HTML,
  RSS;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
