/**
 * The MVCC engine shared by the embedded backends. Not API: classes here are public only so the
 * backend packages can use them, and may change without notice.
 *
 * <p>The engine keeps etcd's data model on top of a few sorted byte-array tables (see {@link
 * io.lightpath.store.internal.Tables}); a backend supplies the tables and their durable commit.
 */
package io.lightpath.store.internal;
