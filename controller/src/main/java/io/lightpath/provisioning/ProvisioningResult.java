package io.lightpath.provisioning;

import java.util.List;

/**
 * What provisioning verified on the devices.
 *
 * @param carrierUp per channel, in the order given to {@link Provisioner#provision}, whether the
 *     far-end transponder reported the carrier
 */
public record ProvisioningResult(List<Boolean> carrierUp) {
  public ProvisioningResult {
    carrierUp = List.copyOf(carrierUp);
  }
}
