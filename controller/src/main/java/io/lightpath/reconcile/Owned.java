package io.lightpath.reconcile;

import io.lightpath.provisioning.DeviceOp;

/**
 * A configuration item one service needs on one device.
 *
 * @param op the item, as the provisioner's {@link io.lightpath.provisioning.ChannelMapper} maps it
 * @param serviceId the service
 */
record Owned(DeviceOp op, String serviceId) {}
