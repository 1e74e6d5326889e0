/**
 * Lightpath's YANG schema layer (public API): {@link io.lightpath.yang.YangSchema} (parsed
 * modules, cached per process), {@link io.lightpath.yang.YangPath} (gNMI-neutral data paths),
 * {@link io.lightpath.yang.JsonIetfCodec} (RFC 7951 values as in gNMI {@code json_ietf_val}) and
 * {@link io.lightpath.yang.ConfigDatastore} (validated, transactional in-memory datastore with
 * snapshots and change listeners). Errors are {@link io.lightpath.yang.YangValidationException}s
 * carrying the offending path.
 *
 * <p>The bundled modules are in {@code yang/} on the classpath (see docs/yang.md for their
 * coverage of upstream OpenConfig and the lightpath-optical-switch model). Everything in
 * {@code io.lightpath.yang.internal} is implementation and may change without notice.
 */
package io.lightpath.yang;
