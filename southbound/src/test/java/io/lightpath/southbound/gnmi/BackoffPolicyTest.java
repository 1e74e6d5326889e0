package io.lightpath.southbound.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    @Test
    void growsExponentiallyUpToTheCap() {
        BackoffPolicy p = new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), 2.0);
        assertEquals(Duration.ofMillis(500), p.delay(0));
        assertEquals(Duration.ofMillis(1000), p.delay(1));
        assertEquals(Duration.ofMillis(4000), p.delay(3));
        assertEquals(Duration.ofSeconds(5), p.delay(4));
        assertEquals(Duration.ofSeconds(5), p.delay(10_000));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new BackoffPolicy(Duration.ZERO, Duration.ofSeconds(1), 2));
        assertThrows(IllegalArgumentException.class,
                () -> new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2));
        assertThrows(IllegalArgumentException.class,
                () -> new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5));
        assertThrows(IllegalArgumentException.class, () -> BackoffPolicy.DEFAULT.delay(-1));
    }
}
