package io.lightpath.store;

import java.time.Duration;

/**
 * A granted lease.
 *
 * @param id the lease id, never 0
 * @param ttl the time to live granted (a backend may round up, e.g. etcd's minimum TTL)
 */
public record LeaseGrant(long id, Duration ttl) {}
