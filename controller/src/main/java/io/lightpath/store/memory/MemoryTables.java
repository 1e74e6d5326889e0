package io.lightpath.store.memory;

import io.lightpath.store.internal.SortedTable;
import io.lightpath.store.internal.Tables;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Heap tables: a {@link TreeMap} per table with an undo log so {@link #rollback} can restore the
 * last committed state. Nothing is durable; {@link #commit} only forgets the undo log. Public so
 * engine tests can build a store on tables they inspect and edit.
 */
public final class MemoryTables implements Tables {

  private record Undo(TreeMap<byte[], byte[]> map, byte[] key, byte[] previous) {}

  private final Map<String, MemoryTable> tables = new HashMap<>();
  private final Deque<Undo> undoLog = new ArrayDeque<>();

  @Override
  public synchronized SortedTable table(String name) {
    return tables.computeIfAbsent(name, n -> new MemoryTable());
  }

  @Override
  public void commit() {
    undoLog.clear();
  }

  @Override
  public void rollback() {
    while (!undoLog.isEmpty()) {
      Undo undo = undoLog.pop();
      if (undo.previous() == null) {
        undo.map().remove(undo.key());
      } else {
        undo.map().put(undo.key(), undo.previous());
      }
    }
  }

  @Override
  public void close() {
    tables.clear();
  }

  private final class MemoryTable implements SortedTable {
    private final TreeMap<byte[], byte[]> map = new TreeMap<>(Arrays::compareUnsigned);

    @Override
    public byte[] get(byte[] key) {
      return map.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) {
      byte[] copy = key.clone();
      undoLog.push(new Undo(map, copy, map.put(copy, value)));
    }

    @Override
    public void remove(byte[] key) {
      byte[] previous = map.remove(key);
      if (previous != null) {
        undoLog.push(new Undo(map, key.clone(), previous));
      }
    }

    @Override
    public Iterator<Map.Entry<byte[], byte[]>> scan(byte[] from, byte[] toExclusive) {
      NavigableMap<byte[], byte[]> view =
          toExclusive == null ? map.tailMap(from, true) : map.subMap(from, true, toExclusive, false);
      return view.entrySet().iterator();
    }
  }
}
