package io.lightpath.southbound.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property tests: the interned, array-based {@link DataPath} orders, compares and matches exactly
 * as the plain definition over element texts does, whether or not its elements are interned.
 */
class DataPathTest {
  private static final String[] NAMES = {"a", "ab", "b", "config", "state", "c-d", "channel"};
  private static final String[] VALUES = {"1", "10", "2", "x", "x]", "*", "port1", ""};

  private static DataPath.Elem randomElem(Random r) {
    String name = NAMES[r.nextInt(NAMES.length)];
    Map<String, String> keys = new TreeMap<>();
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      keys.put(i == 0 ? "index" : "name", VALUES[r.nextInt(VALUES.length)]);
    }
    return new DataPath.Elem(name, keys);
  }

  private static DataPath randomPath(Random r) {
    List<DataPath.Elem> elems = new ArrayList<>();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      elems.add(randomElem(r));
    }
    return r.nextBoolean() ? new DataPath(elems) : DataPath.uninterned(elems);
  }

  /** The definition: element texts compared one by one, then the shorter path first. */
  private static int plainCompare(DataPath a, DataPath b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = a.elems().get(i).toString().compareTo(b.elems().get(i).toString());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static boolean plainStartsWith(DataPath p, DataPath prefix) {
    if (prefix.size() > p.size()) {
      return false;
    }
    for (int i = 0; i < prefix.size(); i++) {
      if (!p.elems().get(i).toString().equals(prefix.elems().get(i).toString())) {
        return false;
      }
    }
    return true;
  }

  @Test
  void orderEqualityAndPrefixesMatchThePlainDefinition() {
    Random r = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      DataPath a = randomPath(r);
      DataPath b = r.nextInt(4) == 0 ? DataPath.uninterned(a.elems()) : randomPath(r);
      int plain = Integer.signum(plainCompare(a, b));
      assertEquals(plain, Integer.signum(a.compareTo(b)), a + " vs " + b);
      assertEquals(-plain, Integer.signum(b.compareTo(a)), b + " vs " + a);
      assertEquals(plain == 0, a.equals(b), a + " equals " + b);
      if (plain == 0) {
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.toString(), b.toString());
      }
      assertEquals(plainStartsWith(a, b), a.startsWith(b), a + " startsWith " + b);
      assertEquals(plainStartsWith(b, a), b.startsWith(a), b + " startsWith " + a);
    }
  }

  @Test
  void derivedPathsAgreeWithParsedOnes() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      DataPath a = randomPath(r);
      DataPath.Elem e = randomElem(r);
      List<DataPath.Elem> longer = new ArrayList<>(a.elems());
      longer.add(e);
      DataPath child = a.child(e);
      assertEquals(DataPath.uninterned(longer), child);
      assertEquals(0, child.compareTo(DataPath.uninterned(longer)));
      assertEquals(a, child.prefix(a.size()));
      assertEquals(child, a.concat(new DataPath(List.of(e))));
      assertEquals(a.size() + 1, child.size());
    }
  }

  @Test
  void prefixTemplatesAreThoseOfThePrefixes() {
    Random r = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      DataPath a = randomPath(r);
      if (r.nextInt(5) == 0) {
        a = new DataPath(List.of(new DataPath.Elem("", Map.of()))).concat(a);
      }
      // In random order: each call may fill the cache for shorter prefixes.
      for (int n = a.size(); n >= 0; n -= 1 + r.nextInt(2)) {
        assertEquals(a.prefix(n).template(), a.template(n), a + " prefix " + n);
      }
      for (int n = 0; n <= a.size(); n++) {
        assertEquals(a.prefix(n).template(), a.template(n), a + " prefix " + n);
      }
    }
  }

  @Test
  void childTemplatesDerivedFromTheParentsAreThoseBuiltFromScratch() {
    Random r = new Random(12);
    for (int i = 0; i < 5_000; i++) {
      DataPath a = randomPath(r);
      if (r.nextInt(5) == 0) {
        a = new DataPath(List.of(new DataPath.Elem("", Map.of()))).concat(a);
      }
      DataPath.Elem e = new DataPath.Elem(r.nextBoolean() ? "x" : "y" + r.nextInt(3),
          r.nextBoolean() ? Map.of() : Map.of("k", "v"));
      // With the parent's template known (derived) and not (built from the elements).
      a.template();
      DataPath derived = a.child(e);
      DataPath built = new DataPath(derived.elems());
      assertEquals(built.template(), derived.template(), derived.toString());
    }
  }

  @Test
  void equalElementsShareOneInstanceUnlessPrivate() {
    DataPath a = DataPath.parse("/components/component[name=p1]/config");
    DataPath b = DataPath.ROOT.child("components")
        .child(new DataPath.Elem("component", Map.of("name", "p1"))).child("config");
    for (int i = 0; i < a.size(); i++) {
      assertSame(a.elems().get(i), b.elems().get(i));
    }
    DataPath c = DataPath.uninterned(a.elems());
    assertNotSame(a.elems().get(1), c.elems().get(1));
    assertEquals(a, c);
    assertEquals(0, a.compareTo(c));
  }
}
