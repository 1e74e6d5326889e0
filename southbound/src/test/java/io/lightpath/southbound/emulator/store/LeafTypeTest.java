package io.lightpath.southbound.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class LeafTypeTest {
  @Test
  void uintAcceptsDigitStringsUpToNineteenDigits() throws Exception {
    LeafType.Uint u64 = new LeafType.Uint(64);
    assertEquals(LongNode.valueOf(193100000), u64.parse(TextNode.valueOf("193100000")));
    assertEquals(LongNode.valueOf(0), u64.parse(TextNode.valueOf("0")));
    assertEquals(LongNode.valueOf(Long.MAX_VALUE), u64.parse(TextNode.valueOf("9223372036854775807")));
    for (String bad : new String[] {"", "-1", "+1", "1.0", "12a", " 1", "١٢", "12345678901234567890"}) {
      assertThrows(ConfigException.class, () -> u64.parse(TextNode.valueOf(bad)), bad);
    }
    assertThrows(ConfigException.class, () -> new LeafType.Uint(16).parse(TextNode.valueOf("65536")));
  }
}
