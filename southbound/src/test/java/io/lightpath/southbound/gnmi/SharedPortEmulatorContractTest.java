package io.lightpath.southbound.gnmi;

import io.lightpath.southbound.emulator.LabOptions;

/**
 * The driver contract against an emulated lab that serves every device on one port, so each request must name its
 * device in {@code prefix.target}.
 */
class SharedPortEmulatorContractTest extends EmulatorContractTest {

    @Override
    protected LabOptions labOptions() {
        return LabOptions.defaults().withSharedPort(true);
    }
}
