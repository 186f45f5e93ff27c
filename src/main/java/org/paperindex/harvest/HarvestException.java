package org.paperindex.harvest;

import java.net.URI;

/**
 * A fetch or harvest failed for good (retries exhausted, a non-retryable HTTP status, an OAI-PMH
 * protocol error, a page that stayed malformed). Unchecked because it crosses Camel routes and
 * sink callbacks; callers must let it fail the run, never log and continue.
 *
 * <p>{@code status} is the last HTTP status, or -1 when the last attempt failed without a response
 * (I/O error, timeout); {@code attempts} is how many requests were made, 0 when none was needed.
 */
public class HarvestException extends RuntimeException {
  private final URI uri;
  private final int status;
  private final int attempts;

  public HarvestException(String message, URI uri, int status, int attempts, Throwable cause) {
    super(message, cause);
    this.uri = uri;
    this.status = status;
    this.attempts = attempts;
  }

  public HarvestException(String message) {
    this(message, null, -1, 0, null);
  }

  public URI uri() {
    return uri;
  }

  public int status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }
}
