package io.lightpath.southbound.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeviceDriverTest {
    /** A driver that offers one behaviour (itself, as the base type) and no ConfigBatch. */
    private static final class OneBehaviour implements DeviceDriver, DeviceBehaviour {
        @Override
        public String deviceId() {
            return "tp-1";
        }

        @Override
        public CompletableFuture<DeviceDescription> discover() {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("not used here"));
        }

        @Override
        public Set<Class<? extends DeviceBehaviour>> behaviours() {
            return Set.of(DeviceBehaviour.class);
        }

        @Override
        public <T extends DeviceBehaviour> Optional<T> behaviour(Class<T> type) {
            return type == DeviceBehaviour.class ? Optional.of(type.cast(this)) : Optional.empty();
        }

        @Override
        public void close() {}
    }

    @Test
    void requireReturnsAnOfferedBehaviourAndNamesAMissingOne() {
        OneBehaviour driver = new OneBehaviour();
        assertSame(driver, driver.require(DeviceBehaviour.class));
        DeviceException e = assertThrows(DeviceException.class, () -> driver.require(ConfigBatch.class));
        assertEquals(DeviceException.Kind.UNSUPPORTED, e.kind());
        assertEquals("tp-1", e.deviceId());
        assertTrue(e.getMessage().contains("ConfigBatch"), e.getMessage());
    }
}
