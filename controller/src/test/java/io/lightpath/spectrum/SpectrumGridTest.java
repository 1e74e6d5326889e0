package io.lightpath.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpectrumGridTest {
  private final SpectrumGrid c = SpectrumGrid.C_BAND;

  @Test
  void cBandHas768SlotsOf6p25GHz() {
    assertEquals(768, c.slotCount());
    assertEquals(196_125_000, c.endMhz());
    assertEquals(12, c.words());
    assertEquals(191_325_000, c.slotStartMhz(0));
    assertEquals(196_118_750, c.slotStartMhz(767));
  }

  @Test
  void slotIndexAndFrequencyRoundTrip() {
    for (int i = 0; i < 768; i++) {
      assertEquals(i, c.slotIndexOf(c.slotStartMhz(i)));
      assertEquals(i, c.slotIndexOf(c.slotStartMhz(i) + 6_249));
    }
    assertThrows(IllegalArgumentException.class, () -> c.slotIndexOf(196_125_000));
    assertThrows(IllegalArgumentException.class, () -> c.slotIndexOf(191_324_999));
  }

  @Test
  void channelAt193p1THzOf50GHzCoversFourSlotsAroundTheAnchor() {
    SlotRange r = c.rangeOf(193_100_000, 50_000);
    assertEquals(new SlotRange(280, 8), r);
    assertEquals(193_100_000, c.centreFrequencyMhz(r));
    assertEquals(0, SpectrumGrid.gridIndexN(193_100_000));
    assertEquals(8, SpectrumGrid.gridIndexN(193_150_000));
  }

  @Test
  void fixedGridsAreSpecialCases() {
    assertEquals(c.rangeOf(193_150_000, 50_000), c.fixedGridRange(1, 50_000));
    assertEquals(12, c.fixedGridRange(-3, 75_000).count());
    assertEquals(193_100_000 - 3 * 75_000, c.centreFrequencyMhz(c.fixedGridRange(-3, 75_000)));
    SlotRange r100 = c.fixedGridRange(10, 100_000);
    assertEquals(16, r100.count());
    assertEquals(194_100_000, c.centreFrequencyMhz(r100));
  }

  @Test
  void everyFlexChannelRoundTrips() {
    for (int m = 1; m <= 16; m++) {
      for (int first = 0; first + 2 * m <= 768; first += 7) {
        SlotRange r = new SlotRange(first, 2 * m);
        long centre = c.centreFrequencyMhz(r);
        assertEquals(r, c.rangeOf(centre, m * 12_500L));
      }
    }
  }

  @Test
  void rejectsOffGridAndOutOfBand() {
    assertThrows(IllegalArgumentException.class, () -> c.rangeOf(193_103_125, 50_000));
    assertThrows(IllegalArgumentException.class, () -> c.rangeOf(193_100_000, 40_000));
    assertThrows(IllegalArgumentException.class, () -> c.rangeOf(191_325_000, 50_000));
    assertThrows(IllegalArgumentException.class, () -> new SpectrumGrid(191_326_000, 10));
    assertThrows(IllegalArgumentException.class, () -> c.checkRange(new SlotRange(760, 16)));
  }
}
