package io.lightpath.southbound.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ChangeJournalTest {

    private final List<String> reverted = new ArrayList<>();

    private AppliedChange change(String name, boolean failOnRevert) {
        return new AppliedChange() {
            @Override
            public String deviceId() {
                return "dev-" + name;
            }

            @Override
            public String description() {
                return name;
            }

            @Override
            public CompletableFuture<Void> revert() {
                reverted.add(name);
                return failOnRevert
                        ? CompletableFuture.failedFuture(new DeviceException(deviceId(), DeviceException.Kind.UNAVAILABLE, "down"))
                        : CompletableFuture.completedFuture(null);
            }
        };
    }

    @Test
    void rollsBackNewestFirst() {
        ChangeJournal journal = new ChangeJournal();
        journal.record(change("a", false));
        journal.record(change("b", false));
        journal.record(change("c", false));
        journal.rollback().join();
        assertEquals(List.of("c", "b", "a"), reverted);
        assertTrue(journal.changes().isEmpty());
    }

    @Test
    void failedRevertDoesNotStopTheRestAndIsReported() {
        ChangeJournal journal = new ChangeJournal();
        journal.record(change("a", false));
        journal.record(change("b", true));
        journal.record(change("c", false));
        CompletionException e = assertThrows(CompletionException.class, () -> journal.rollback().join());
        assertEquals(List.of("c", "b", "a"), reverted);
        RollbackException rb = assertInstanceOf(RollbackException.class, e.getCause());
        assertEquals(1, rb.failures().size());
        assertEquals("b", rb.failures().get(0).change().description());
        assertEquals(DeviceException.Kind.UNAVAILABLE, DeviceException.unwrap(rb.failures().get(0).cause()).kind());
    }

    @Test
    void recordsRejectInvalidValues() {
        assertThrows(IllegalArgumentException.class, () -> new CrossConnect("p1", "p1"));
        assertThrows(IllegalArgumentException.class, () -> new MediaChannel(1, 193_000_000, 193_000_000, "a", "b", 0));
        assertThrows(IllegalArgumentException.class, () -> new MediaChannel(1, 1, 2, "a", "b", -1));
        assertThrows(IllegalArgumentException.class, () -> new OpticalChannelConfig("och", 0, 0, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new OpticalChannelConfig(" ", 1, 0, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new OpticalChannelConfig("och", 1, Double.NaN, 1, true));
        assertEquals(75_000, new MediaChannel(1, 193_000_000, 193_075_000, "a", "b", 0).widthMhz());
    }
}
