package io.lightpath.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lightpath.store.Bytes;
import io.lightpath.store.KeyRange;
import io.lightpath.store.ManualClock;
import io.lightpath.store.StoreException;
import io.lightpath.store.Watch;
import io.lightpath.store.WatchEvent;
import io.lightpath.store.WatchListener;
import io.lightpath.store.memory.MemoryTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The log table holds references to the versions table (format 2); files written by earlier
 * versions hold whole events (format 1). Both read back as the same events, also mixed, and
 * compaction handles both.
 */
class LogFormatTest {

  /** Every record of {@code table}, in key order (copied, so the table may be written meanwhile). */
  private static List<Map.Entry<byte[], byte[]>> records(SortedTable table) {
    List<Map.Entry<byte[], byte[]>> out = new ArrayList<>();
    table.scan(new byte[0], null).forEachRemaining(e -> out.add(Map.entry(e.getKey(), e.getValue())));
    return out;
  }

  private static List<WatchEvent> watchAll(MvccStateStore store, long from, int n) throws Exception {
    BlockingQueue<WatchEvent> q = new LinkedBlockingQueue<>();
    Watch w = store.watch(KeyRange.prefix("/"), from, new WatchListener() {
      @Override
      public void onEvent(WatchEvent event) {
        q.add(event);
      }

      @Override
      public void onError(StoreException error) {}
    });
    List<WatchEvent> out = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        out.add(q.poll(10, TimeUnit.SECONDS));
      }
    } finally {
      w.close();
    }
    return out;
  }

  @Test
  void referenceAndWholeEventRecordsReadBackAlike() throws Exception {
    MemoryTables tables = new MemoryTables();
    MvccStateStore store = new MvccStateStore("t", tables, new ManualClock());
    store.put("/a", "1");
    store.put("/b", "2");
    store.put("/a", "3");
    store.delete("/b");
    store.put("/c", "4");
    List<WatchEvent> expected = watchAll(store, 2, 5);
    SortedTable log = tables.table("log");
    List<Map.Entry<byte[], byte[]>> logged = records(log);
    logged.forEach(rec -> assertEquals(2, rec.getValue()[0], "new writes log references"));
    assertTrue(logged.stream().allMatch(rec -> rec.getValue().length < 16), "no values in the log");

    // rewrite the first three records as an earlier version wrote them
    for (int i = 0; i < 3; i++) {
      log.put(logged.get(i).getKey(), RecordCodec.encodeEvent(expected.get(i)));
    }
    assertEquals(expected, watchAll(store, 2, 5));

    store.compact(5); // drops the history of /a and /b before revision 5 through both formats
    assertEquals(expected.subList(3, 5), watchAll(store, 5, 2));
    assertEquals("3", store.get("/a").orElseThrow().valueUtf8());
    assertEquals(List.of(), store.range(KeyRange.prefix("/b"), 5).kvs());
    assertEquals(1, records(tables.table("versions")).stream()
        .filter(v -> KeyCodec.versionKeyKey(v.getKey()).equals(Bytes.utf8("/a"))).count());
    store.close();
  }
}
