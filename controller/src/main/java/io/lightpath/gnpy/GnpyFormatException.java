package io.lightpath.gnpy;

/** A gnpy JSON file that cannot be turned into a topology; the message names the element. */
public final class GnpyFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GnpyFormatException(String message) {
    super(message);
  }

  public GnpyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
