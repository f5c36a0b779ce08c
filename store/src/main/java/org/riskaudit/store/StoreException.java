package org.riskaudit.store;

/** An unexpected database failure (connection lost, disk full); expected refusals are values. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
