package io.lightpath.transceiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.model.TransceiverMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransceiverCatalogTest {

  private static TransceiverCatalog parse(String json) {
    return TransceiverCatalog.load(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  private static String entry(String overrides) {
    return "{\"modes\":[{\"id\":\"m\",\"type\":\"T\",\"lineRateGbps\":400,\"baudRateGbd\":60,"
        + "\"modulation\":\"DP-16QAM\",\"widthMhz\":75000,\"txOsnrDb\":34,\"minTxPowerDbm\":-10,"
        + "\"maxTxPowerDbm\":-6,\"powerW\":15" + overrides + "}]}";
  }

  @Test
  void builtInCatalogCoversEveryRateClass() {
    TransceiverCatalog c = TransceiverCatalog.loadDefault();
    Set<Integer> rates =
        c.modes().stream().map(TransceiverMode::lineRateGbps).collect(Collectors.toSet());
    assertTrue(rates.containsAll(Set.of(100, 200, 400, 800)), rates.toString());
    assertTrue(c.types().containsAll(Set.of("400ZR", "OpenZR+", "OpenROADM-W", "800ZR", "800ZR+")));
    for (TransceiverMode m : c.modes()) {
      assertFalse(c.source(m.id()).isBlank(), "every built-in mode cites a source: " + m.id());
      if (m.lineRateGbps() == 800) {
        assertEquals(150_000, m.widthMhz());
        assertTrue(m.baudRateGbd() >= 118 && m.baudRateGbd() <= 131.5, m.id());
      }
    }
  }

  @Test
  void publishedOsnrIsConvertedToGsnrOverTheSymbolRate() {
    // 400ZR: OSNR 26 dB in 12.5 GHz; B = 59.84375 GHz → 10·log10(59.84375/12.5) = 6.8011 dB
    // required GSNR = 26 − 6.8011 = 19.199 dB
    TransceiverMode zr = TransceiverCatalog.loadDefault().mode("400ZR-DP16QAM-60G").orElseThrow();
    assertEquals(19.199, zr.requiredGsnrDb(), 1e-3);
    assertEquals(26.0, TransceiverCatalog.requiredOsnr0p1nmDb(zr), 1e-9);
    assertEquals(59.84375, zr.baudRateGbd(), 0);
    assertEquals(75_000, zr.widthMhz());
  }

  @Test
  void gsnrMayBeGivenDirectly() {
    TransceiverMode m = parse(entry(",\"requiredGsnrDb\":17.5")).mode("m").orElseThrow();
    assertEquals(17.5, m.requiredGsnrDb(), 0);
  }

  @Test
  void badEntriesAreRejectedWithTheModeNamed() {
    assertMessage(entry(""), "requiredGsnrDb or requiredOsnr0p1nmDb is required");
    assertMessage(entry(",\"requiredGsnrDb\":17,\"requiredOsnr0p1nmDb\":24"), "not both");
    assertMessage(entry(",\"requiredGsnrDb\":17").replace("75000", "70000"), "multiple of 12500");
    assertMessage(entry(",\"requiredGsnrDb\":17").replace("75000", "50000"), "does not fit");
    assertMessage(entry(",\"requiredGsnrDb\":30"), "can never close");
    assertMessage(entry(",\"requiredGsnrDb\":17").replace("\"maxTxPowerDbm\":-6", "\"maxTxPowerDbm\":-12"),
        "minTxPowerDbm exceeds");
    assertMessage(entry(",\"requiredGsnrDb\":17").replace(",\"powerW\":15", ""), "powerW is required");
    assertMessage(entry(",\"requiredGsnrDb\":17,\"colour\":\"blue\""), "not valid");
    assertMessage("{\"modes\":[]}", "no modes");
    assertMessage("{\"modes\":[", "not valid");
    String twice = entry(",\"requiredGsnrDb\":17").replace("}]}", "}") + ","
        + entry(",\"requiredGsnrDb\":17").substring("{\"modes\":[".length());
    assertMessage(twice, "duplicate mode id m");
  }

  private static void assertMessage(String json, String fragment) {
    CatalogException e = assertThrows(CatalogException.class, () -> parse(json));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().contains("test.json"), e.getMessage());
  }
}
