package io.lightpath.southbound.spi;

/**
 * A ROADM media channel: a frequency slot switched from a source port to a destination port.
 *
 * @param index identifier of the media channel on the device; positive
 * @param lowerFrequencyMhz lower edge of the slot in MHz
 * @param upperFrequencyMhz upper edge of the slot in MHz; greater than the lower edge
 * @param sourcePort name of the ingress port
 * @param destPort name of the egress port
 * @param attenuationDb attenuation applied by the wavelength-selective switch in dB; not negative
 */
public record MediaChannel(
        int index,
        long lowerFrequencyMhz,
        long upperFrequencyMhz,
        String sourcePort,
        String destPort,
        double attenuationDb) {

    public MediaChannel {
        if (index <= 0) {
            throw new IllegalArgumentException("index must be positive: " + index);
        }
        if (lowerFrequencyMhz <= 0 || upperFrequencyMhz <= lowerFrequencyMhz) {
            throw new IllegalArgumentException("need 0 < lowerFrequencyMhz < upperFrequencyMhz, got "
                    + lowerFrequencyMhz + ".." + upperFrequencyMhz);
        }
        OpticalChannelConfig.requireName(sourcePort, "sourcePort");
        OpticalChannelConfig.requireName(destPort, "destPort");
        if (!(attenuationDb >= 0) || !Double.isFinite(attenuationDb)) {
            throw new IllegalArgumentException("attenuationDb must be finite and >= 0: " + attenuationDb);
        }
    }

    /** Width of the slot in MHz. */
    public long widthMhz() {
        return upperFrequencyMhz - lowerFrequencyMhz;
    }
}
