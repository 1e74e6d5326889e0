package io.lightpath.southbound.emulator.device;

import io.lightpath.southbound.emulator.store.ConfigException;
import io.lightpath.southbound.emulator.store.DataPath;
import io.lightpath.southbound.emulator.store.Edit;
import io.lightpath.southbound.emulator.store.TreeDatastore;
import io.lightpath.southbound.emulator.topology.DeviceSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * What the incremental-check property tests share: the reference device that checks its whole
 * configuration on every commit, random edit batches, and a commit's outcome as comparable text.
 */
final class IncrementalCheckHarness {
  private IncrementalCheckHarness() {}

  interface Action {
    void run() throws ConfigException;
  }

  interface EditSource {
    Edit next(Random r) throws Exception;
  }

  /** A datastore holding {@code model}'s initial configuration that validates it in full. */
  static TreeDatastore fullCheck(DeviceModel model, DeviceSpec spec) throws ConfigException {
    TreeDatastore full = new TreeDatastore(model.schema(), c -> model.validate(spec, c));
    full.commit(List.of(new Edit.Update(DataPath.ROOT, model.initialConfig(spec))));
    return full;
  }

  /** 1 to {@code maxEdits} edits, deletes first, then replaces, then updates (gNMI's order). */
  static List<Edit> batch(Random r, int maxEdits, EditSource edits) throws Exception {
    List<Edit> out = new ArrayList<>();
    for (int i = 1 + r.nextInt(maxEdits); i > 0; i--) {
      out.add(edits.next(r));
    }
    out.sort(Comparator.comparingInt(e -> e instanceof Edit.Delete ? 0 : e instanceof Edit.Replace ? 1 : 2));
    return out;
  }

  /** "ok", or the rejection's code and message. */
  static String outcome(Action a) {
    try {
      a.run();
      return "ok";
    } catch (ConfigException e) {
      return e.code() + " " + e.getMessage();
    }
  }
}
