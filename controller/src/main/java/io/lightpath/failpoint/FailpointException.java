package io.lightpath.failpoint;

/** Thrown by a failpoint whose action is {@code error}. */
public final class FailpointException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String failpoint;

  public FailpointException(String failpoint) {
    super("failpoint " + failpoint + " triggered");
    this.failpoint = failpoint;
  }

  public String failpoint() {
    return failpoint;
  }
}
