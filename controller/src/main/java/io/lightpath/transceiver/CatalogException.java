package io.lightpath.transceiver;

/** A transceiver catalog that cannot be read or breaks a rule; the message names the entry. */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
