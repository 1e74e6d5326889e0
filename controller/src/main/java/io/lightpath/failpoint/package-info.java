/**
 * Named failpoints for fault-injection tests: production code calls {@link
 * io.lightpath.failpoint.Failpoints#hit} at interesting places; a test or an operator enables a
 * failpoint by name to throw, crash the JVM or sleep there. See docs/store.md.
 */
package io.lightpath.failpoint;
