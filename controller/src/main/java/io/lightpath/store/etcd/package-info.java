/** The {@link io.lightpath.store.StateStore} backend on an external etcd v3 cluster (jetcd). */
package io.lightpath.store.etcd;
