package io.lightpath.failpoint;

/** Child JVM for {@link FailpointsTest}: hits "step-1", "step-2", "step-3", printing after each. */
public final class FailpointChildMain {

  private FailpointChildMain() {}

  public static void main(String[] args) {
    for (String step : new String[] {"step-1", "step-2", "step-3"}) {
      try {
        Failpoints.hit(step);
        System.out.println("passed " + step);
      } catch (FailpointException e) {
        System.out.println("error at " + e.failpoint());
      }
      System.out.flush();
    }
  }
}
