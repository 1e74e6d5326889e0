package io.lightpath.service;

import java.time.Duration;

/**
 * Settings of the service lifecycle.
 *
 * @param requestRetention how long a CreateService request_id is remembered (AIP-155 asks for at
 *     least 60 minutes)
 * @param provisioningThreads threads that run provisioning completions and deletions
 */
public record LifecycleConfig(Duration requestRetention, int provisioningThreads) {
  public LifecycleConfig {
    if (requestRetention.isNegative() || requestRetention.isZero()) {
      throw new IllegalArgumentException("requestRetention must be positive");
    }
    if (provisioningThreads < 1) {
      throw new IllegalArgumentException("provisioningThreads must be at least 1");
    }
  }

  public static LifecycleConfig defaults() {
    return new LifecycleConfig(Duration.ofMinutes(60), 8);
  }
}
