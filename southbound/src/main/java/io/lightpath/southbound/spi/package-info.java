/**
 * Protocol-neutral southbound driver SPI.
 *
 * <p>In the spirit of ONOS behaviours, a device driver exposes small capability interfaces
 * ({@link io.lightpath.southbound.spi.TransponderConfig}, {@link io.lightpath.southbound.spi.MediaChannelConfig},
 * {@link io.lightpath.southbound.spi.CrossConnectConfig}, {@link io.lightpath.southbound.spi.OpticalStateReader},
 * {@link io.lightpath.southbound.spi.StateSubscriber}) obtained through
 * {@link io.lightpath.southbound.spi.DeviceDriver#behaviour(Class)}. Nothing in this package refers to gNMI,
 * NETCONF or any generated class: values are records with units in their names.
 *
 * <p><b>Transaction contract.</b> Every mutating call is applied as one atomic device operation, bounded by a
 * deadline, and completes with an {@link io.lightpath.southbound.spi.AppliedChange} that knows how to restore the
 * value read from the device just before the change. The driver reads the result back and fails the call with
 * {@link io.lightpath.southbound.spi.DeviceException.Kind#VERIFICATION_FAILED} if the device does not report what
 * was written. A multi-device operation records its changes in a {@link io.lightpath.southbound.spi.ChangeJournal}
 * and rolls them back in reverse order on failure.
 */
package io.lightpath.southbound.spi;
