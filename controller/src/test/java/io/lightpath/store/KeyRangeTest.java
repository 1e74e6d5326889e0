package io.lightpath.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyRangeTest {

  @Test
  void prefixEndIncrementsTheLastByteBelowFf() {
    assertEquals(Bytes.utf8("b"), Bytes.utf8("a").prefixEnd());
    assertEquals(Bytes.utf8("b"), Bytes.of(new byte[] {'a', (byte) 0xff}).prefixEnd());
    assertEquals(Bytes.EMPTY, Bytes.of(new byte[] {(byte) 0xff, (byte) 0xff}).prefixEnd());
    assertTrue(KeyRange.prefix(Bytes.of(new byte[] {(byte) 0xff})).isUnbounded());
    assertTrue(KeyRange.prefix("").isUnbounded());
  }

  @Test
  void containsAndOverlapsFollowHalfOpenRanges() {
    KeyRange dir = KeyRange.prefix("dir/");
    assertTrue(dir.contains(Bytes.utf8("dir/x")));
    assertFalse(dir.contains(Bytes.utf8("dir")));
    assertFalse(dir.contains(Bytes.utf8("dir0")));
    assertTrue(dir.overlaps(KeyRange.key("dir/a")));
    assertTrue(dir.overlaps(KeyRange.all()));
    assertFalse(dir.overlaps(KeyRange.between(Bytes.utf8("dir0"), Bytes.utf8("z"))));
    assertFalse(KeyRange.key("a").overlaps(KeyRange.key("b")));
    assertTrue(KeyRange.key("a").overlaps(KeyRange.key("a")));
  }

  @Test
  void reversedRangeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> KeyRange.between(Bytes.utf8("b"), Bytes.utf8("a")));
  }

  @Test
  void bytesPrintAsTextOrHex() {
    assertEquals("svc/1", Bytes.utf8("svc/1").toString());
    assertEquals("0x00ff", Bytes.of(new byte[] {0, (byte) 0xff}).toString());
  }
}
