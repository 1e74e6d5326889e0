package io.lightpath.southbound.emulator.gnmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.PathElem;
import io.lightpath.southbound.emulator.store.DataPath;
import org.junit.jupiter.api.Test;

class GnmiValuesTest {
  @Test
  void toPathGivesEveryElementWithItsKeys() {
    DataPath path = DataPath.parse("/spectrum/profile[lower=191000000][upper=191050000]/config/power");
    Path expected = Path.newBuilder()
        .addElem(PathElem.newBuilder().setName("spectrum"))
        .addElem(PathElem.newBuilder().setName("profile").putKey("lower", "191000000").putKey("upper", "191050000"))
        .addElem(PathElem.newBuilder().setName("config"))
        .addElem(PathElem.newBuilder().setName("power"))
        .build();
    assertEquals(expected, GnmiValues.toPath(path));
    assertEquals(path, GnmiValues.toDataPath(Path.getDefaultInstance(), GnmiValues.toPath(path)));
  }

  @Test
  void pathsSharingAnElementShareItsMessage() {
    // Subscription updates name many leaves of one entry: their common elements are built once.
    Path a = GnmiValues.toPath(DataPath.parse("/components/component[name=gv-1]/config/name"));
    Path b = GnmiValues.toPath(DataPath.parse("/components/component[name=gv-1]/state/oper-status"));
    assertSame(a.getElem(1), b.getElem(1));
    assertEquals("gv-1", b.getElem(1).getKeyOrThrow("name"));
  }
}
