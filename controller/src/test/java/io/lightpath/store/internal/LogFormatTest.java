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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** Sorted tables on the heap that keep what was written (commit is a no-op). */
  private static final class HeapTables implements Tables {
    final Map<String, TreeMap<byte[], byte[]>> maps = new HashMap<>();

    @Override
    public synchronized SortedTable table(String name) {
      TreeMap<byte[], byte[]> map = maps.computeIfAbsent(name, n -> new TreeMap<>(Arrays::compareUnsigned));
      return new SortedTable() {
        @Override
        public byte[] get(byte[] key) {
          return map.get(key);
        }

        @Override
        public void put(byte[] key, byte[] value) {
          map.put(key.clone(), value);
        }

        @Override
        public void remove(byte[] key) {
          map.remove(key);
        }

        @Override
        public Iterator<Map.Entry<byte[], byte[]>> scan(byte[] from, byte[] toExclusive) {
          return (toExclusive == null ? map.tailMap(from, true) : map.subMap(from, true, toExclusive, false))
              .entrySet().iterator();
        }
      };
    }

    @Override
    public void commit() {}

    @Override
    public void rollback() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
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
    HeapTables tables = new HeapTables();
    MvccStateStore store = new MvccStateStore("t", tables, new ManualClock());
    store.put("/a", "1");
    store.put("/b", "2");
    store.put("/a", "3");
    store.delete("/b");
    store.put("/c", "4");
    List<WatchEvent> expected = watchAll(store, 2, 5);
    TreeMap<byte[], byte[]> log = tables.maps.get("log");
    log.values().forEach(rec -> assertEquals(2, rec[0], "new writes log references"));
    assertTrue(log.values().stream().allMatch(rec -> rec.length < 16), "no values in the log");

    // rewrite the first three records as an earlier version wrote them
    int i = 0;
    for (Map.Entry<byte[], byte[]> e : log.entrySet()) {
      if (i < 3) {
        e.setValue(RecordCodec.encodeEvent(expected.get(i)));
      }
      i++;
    }
    assertEquals(expected, watchAll(store, 2, 5));

    store.compact(5); // drops the history of /a and /b before revision 5 through both formats
    assertEquals(expected.subList(3, 5), watchAll(store, 5, 2));
    assertEquals("3", store.get("/a").orElseThrow().valueUtf8());
    assertEquals(List.of(), store.range(KeyRange.prefix("/b"), 5).kvs());
    assertEquals(1, tables.maps.get("versions").keySet().stream()
        .filter(k -> KeyCodec.versionKeyKey(k).equals(Bytes.utf8("/a"))).count());
    store.close();
  }
}
