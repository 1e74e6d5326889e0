package io.lightpath.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lightpath.store.Bytes;
import io.lightpath.store.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The composite version keys must keep (key, revision) order and decode back exactly. */
class KeyCodecTest {

  private static final byte[] ALPHABET = {0x00, 0x01, 0x02, (byte) 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff};

  private static Bytes randomKey(Random random) {
    byte[] key = new byte[1 + random.nextInt(4)];
    for (int i = 0; i < key.length; i++) {
      key[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return Bytes.wrap(key);
  }

  @Test
  void versionKeysSortLikeKeyThenRevisionAndRoundTrip() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      Bytes a = randomKey(random);
      Bytes b = randomKey(random);
      long ra = 1 + random.nextInt(3);
      long rb = 1 + random.nextInt(3);
      int expected = a.equals(b) ? Long.compare(ra, rb) : a.compareTo(b);
      byte[] ea = KeyCodec.versionKey(a, ra);
      int actual = Arrays.compareUnsigned(ea, KeyCodec.versionKey(b, rb));
      assertEquals(Integer.signum(expected), Integer.signum(actual), a + "@" + ra + " vs " + b + "@" + rb);
      assertEquals(a, KeyCodec.versionKeyKey(ea));
      assertEquals(ra, KeyCodec.versionKeyRevision(ea));
    }
  }

  @Test
  void scanBoundsSelectExactlyTheVersionsOfKeysInTheRange() {
    Random random = new Random(7);
    List<Bytes> keys = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      keys.add(randomKey(random));
    }
    for (int i = 0; i < 2_000; i++) {
      Bytes start = randomKey(random);
      KeyRange range =
          switch (random.nextInt(3)) {
            case 0 -> KeyRange.key(start);
            case 1 -> KeyRange.prefix(start);
            default -> {
              Bytes end = randomKey(random);
              yield end.compareTo(start) > 0 ? KeyRange.between(start, end) : KeyRange.key(start);
            }
          };
      byte[] from = KeyCodec.versionScanFrom(range);
      byte[] to = KeyCodec.versionScanTo(range);
      for (Bytes key : keys) {
        byte[] vk = KeyCodec.versionKey(key, 5);
        boolean inScan =
            Arrays.compareUnsigned(vk, from) >= 0 && (to == null || Arrays.compareUnsigned(vk, to) < 0);
        assertEquals(range.contains(key), inScan, key + " in " + range);
      }
    }
  }
}
