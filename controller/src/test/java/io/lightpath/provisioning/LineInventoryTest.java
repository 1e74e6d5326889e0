package io.lightpath.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.provisioning.LineInventory.RoadmChannels;
import io.lightpath.provisioning.LineInventory.Slot;
import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.MediaChannel;
import io.lightpath.southbound.spi.MediaChannelConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ROADM side of the {@link LineInventory}: its slot index agrees with its channels. */
class LineInventoryTest {
  private static final MediaChannel A = channel(1, 193_075_000, "add1", "east");
  private static final MediaChannel A_BACK = channel(2, 193_075_000, "east", "add1");

  @Test
  void aChannelIsFoundByItsSlotWhateverItsIndexAndAttenuation() {
    RoadmChannels known = new RoadmChannels();
    known.add(new MediaChannel(7, 193_075_000, 193_125_000, "add1", "east", 3.5));

    DeviceOp.OpenMediaChannel op =
        new DeviceOp.OpenMediaChannel("alder", 193_075_000, 193_125_000, "add1", "east");
    assertTrue(known.has(Slot.of(op)));
    // every compared field matters
    assertFalse(known.has(Slot.of(
        new DeviceOp.OpenMediaChannel("alder", 193_075_001, 193_125_000, "add1", "east"))));
    assertFalse(known.has(Slot.of(
        new DeviceOp.OpenMediaChannel("alder", 193_075_000, 193_125_001, "add1", "east"))));
    assertFalse(known.has(Slot.of(
        new DeviceOp.OpenMediaChannel("alder", 193_075_000, 193_125_000, "east", "add1"))));
    assertFalse(known.has(Slot.of(
        new DeviceOp.OpenMediaChannel("alder", 193_075_000, 193_125_000, "add1", "west"))));
  }

  @Test
  void removingAChannelTakesItOutOfTheSlotIndex() {
    RoadmChannels known = new RoadmChannels();
    known.add(A);
    known.add(A_BACK);

    assertTrue(known.remove(A));

    assertFalse(known.has(Slot.of(A)));
    assertEquals(List.of(), known.withSlot(Slot.of(A)));
    assertEquals(List.of(A_BACK), known.withSlot(Slot.of(A_BACK)));
    assertEquals(List.of(2), List.copyOf(known.indexes()));
  }

  @Test
  void removingAnotherChannelAtTheSameIndexChangesNothing() {
    RoadmChannels known = new RoadmChannels();
    known.add(A);

    assertFalse(known.remove(channel(1, 194_000_000, "add1", "east")));

    assertTrue(known.has(Slot.of(A)));
    assertEquals(List.of(A), List.copyOf(known.all()));
  }

  @Test
  void aChannelReplacedAtItsIndexLeavesTheSlotIndex() {
    RoadmChannels known = new RoadmChannels();
    known.add(A);
    MediaChannel other = channel(1, 194_000_000, "add1", "east");

    known.add(other);

    assertFalse(known.has(Slot.of(A)));
    assertEquals(List.of(other), known.withSlot(Slot.of(other)));
  }

  @Test
  void copiesOfOneSlotAreAllFoundAndRemovedOneByOne() {
    RoadmChannels known = new RoadmChannels();
    MediaChannel copy = channel(4, 193_075_000, "add1", "east");
    known.add(A);
    known.add(copy);

    assertEquals(Set.of(A, copy), Set.copyOf(known.withSlot(Slot.of(A))));
    known.remove(A);
    assertEquals(List.of(copy), known.withSlot(Slot.of(A)));
    known.remove(copy);
    assertFalse(known.has(Slot.of(A)));
  }

  @Test
  void theSlotIndexAgreesWithTheChannelsAfterAnyChanges() {
    RoadmChannels known = new RoadmChannels();
    Random random = new Random(42);
    List<String> ports = List.of("add1", "add2", "east", "west");
    for (int i = 0; i < 5_000; i++) {
      MediaChannel c = channel(1 + random.nextInt(40), 193_000_000 + 50_000L * random.nextInt(6),
          ports.get(random.nextInt(ports.size())), ports.get(random.nextInt(ports.size())));
      switch (random.nextInt(3)) {
        case 0 -> known.add(c);
        case 1 -> known.remove(c);
        default -> {
          // remove whatever is at an index, as a deprovision does with what it found
          List<MediaChannel> all = List.copyOf(known.all());
          if (!all.isEmpty()) {
            assertTrue(known.remove(all.get(random.nextInt(all.size()))));
          }
        }
      }
      assertConsistent(known);
    }
  }

  @Test
  void invalidatingReadsTheRoadmAgainIntoAFreshIndex() {
    List<MediaChannel> onDevice = new ArrayList<>(List.of(A));
    AtomicInteger reads = new AtomicInteger();
    MediaChannelConfig roadm = new FakeRoadm(onDevice, reads);
    LineInventory inventory = new LineInventory();

    RoadmChannels first = inventory.mediaChannels("alder-roadm", roadm).join();
    assertTrue(first.has(Slot.of(A)));
    assertEquals(1, reads.get());
    assertSame(first, inventory.mediaChannels("alder-roadm", roadm).join(), "cached");

    // someone else changes the ROADM; a CONFLICT makes the provisioner drop what it knew
    onDevice.clear();
    onDevice.add(A_BACK);
    inventory.invalidate("alder-roadm");

    RoadmChannels again = inventory.mediaChannels("alder-roadm", roadm).join();
    assertNotSame(first, again);
    assertEquals(2, reads.get());
    assertFalse(again.has(Slot.of(A)));
    assertTrue(again.has(Slot.of(A_BACK)));
    assertConsistent(again);
  }

  /** Every slot lookup answers what a scan of every channel would. */
  private static void assertConsistent(RoadmChannels known) {
    Set<Slot> slots = new HashSet<>();
    for (MediaChannel c : known.all()) {
      slots.add(Slot.of(c));
    }
    for (Slot slot : slots) {
      List<MediaChannel> scanned =
          known.all().stream().filter(c -> Slot.of(c).equals(slot)).toList();
      assertEquals(Set.copyOf(scanned), Set.copyOf(known.withSlot(slot)), slot.toString());
      assertEquals(scanned.size(), known.withSlot(slot).size(), slot.toString());
    }
    // and no slot is indexed that no channel has
    for (long lower = 193_000_000; lower <= 193_250_000; lower += 50_000) {
      for (String from : List.of("add1", "add2", "east", "west")) {
        for (String to : List.of("add1", "add2", "east", "west")) {
          Slot slot = new Slot(lower, lower + 50_000, from, to);
          assertEquals(slots.contains(slot), known.has(slot), slot.toString());
        }
      }
    }
  }

  private static MediaChannel channel(int index, long lower, String from, String to) {
    return new MediaChannel(index, lower, lower + 50_000, from, to, 0.0);
  }

  /** A ROADM that only answers reads, from {@code channels}. */
  private record FakeRoadm(List<MediaChannel> channels, AtomicInteger reads)
      implements MediaChannelConfig {
    @Override
    public String deviceId() {
      return "alder-roadm";
    }

    @Override
    public CompletableFuture<List<MediaChannel>> readMediaChannels() {
      reads.incrementAndGet();
      return CompletableFuture.completedFuture(List.copyOf(channels));
    }

    @Override
    public CompletableFuture<AppliedChange> configureMediaChannel(MediaChannel channel) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<AppliedChange> removeMediaChannel(int index) {
      throw new UnsupportedOperationException();
    }
  }
}
