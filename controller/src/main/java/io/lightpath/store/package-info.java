/**
 * The state store API: a revisioned key-value store with etcd v3 semantics (revisions, MVCC
 * range reads, transactions with compares, watches from a revision, compaction, leases). Backends
 * live in sub-packages: {@code memory}, {@code mvstore} (embedded default) and {@code etcd}. The
 * contract is described in docs/store.md.
 */
package io.lightpath.store;
