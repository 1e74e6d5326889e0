package io.lightpath.store.mvstore;

import io.lightpath.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The redo log in front of the MVStore file: one record per durable commit, appended and forced
 * to the device ({@code fdatasync}) before the commit returns. The MVStore file is written only at
 * checkpoints, which fold many commits into one chunk; after a crash the records written since
 * the last checkpoint are applied again.
 *
 * <p>Record layout (big-endian): {@code int payloadBytes, int crc32c, long generation, long
 * sequence, payload}; the CRC covers generation, sequence and payload. The payload is a list of
 * changes: {@code byte kind (1 put, 2 remove), short tableNameBytes, tableName (UTF-8), int
 * keyBytes, key, [int valueBytes, value]}. Replay stops at the first record that is torn, fails
 * its CRC, belongs to another generation or breaks the sequence: that is the end of what was
 * acknowledged. The generation is the checkpoint count, kept in the MVStore file, so records
 * that a checkpoint already holds are never applied over newer state even if the file's
 * truncation after that checkpoint was lost.
 *
 * <p>Not thread-safe: the engine's write lock serialises every call.
 */
final class WriteAheadLog implements AutoCloseable {

  private static final int HEADER_BYTES = 4 + 4 + 8 + 8;
  private static final byte PUT = 1;
  private static final byte REMOVE = 2;
  /** A record larger than this is corruption, not a commit (the largest value is a topology). */
  private static final int MAX_PAYLOAD_BYTES = 1 << 30;

  /** One change as the log holds it; {@code value} is null for a removal. */
  record Change(String table, byte[] key, byte[] value) {}

  private final Path file;
  private final FileChannel channel;
  private long generation;
  private long nextSequence;
  /** End of the last complete record: where the next one is written. */
  private long endBytes;
  private long appends;
  private long bytesWritten;

  private WriteAheadLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (creating if needed) the log file; call {@link #recover} before appending. */
  static WriteAheadLog open(Path file) {
    try {
      return new WriteAheadLog(file, FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new StoreException("cannot open write-ahead log " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the records of {@code generation} from the start of the file, in order, up to the
   * first that is not a complete, valid successor; appending then continues in that generation
   * (the caller checkpoints before it appends when anything was recovered).
   */
  List<List<Change>> recover(long generation) {
    this.generation = generation;
    List<List<Change>> records = new ArrayList<>();
    try {
      long size = channel.size();
      long at = 0;
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      while (at + HEADER_BYTES <= size) {
        header.clear();
        readFully(header, at);
        header.flip();
        int payloadBytes = header.getInt();
        int crc = header.getInt();
        long recordGeneration = header.getLong();
        long sequence = header.getLong();
        if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD_BYTES
            || at + HEADER_BYTES + payloadBytes > size
            || recordGeneration != generation || sequence != records.size()) {
          break;
        }
        ByteBuffer payload = ByteBuffer.allocate(payloadBytes);
        readFully(payload, at + HEADER_BYTES);
        if (crc(recordGeneration, sequence, payload.array(), 0, payloadBytes) != crc) {
          break;
        }
        records.add(decode(payload.flip()));
        at += HEADER_BYTES + payloadBytes;
      }
      endBytes = at;
      nextSequence = records.size();
      return records;
    } catch (IOException | RuntimeException e) {
      throw new StoreException("cannot read write-ahead log " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Appends one commit's changes and forces them to the device. On failure the file is cut back
   * to the end of the previous record, so a later append does not follow a torn one.
   */
  void append(List<Change> changes) {
    ByteBuffer record = encode(changes);
    try {
      long at = endBytes;
      while (record.hasRemaining()) {
        at += channel.write(record, at);
      }
      channel.force(false);
      bytesWritten += at - endBytes;
      endBytes = at;
      nextSequence++;
      appends++;
    } catch (IOException e) {
      try {
        channel.truncate(endBytes);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new StoreException("write-ahead log append failed: " + e.getMessage(), e);
    }
  }

  /**
   * Starts generation {@code next} with an empty log. Call only after the checkpoint that holds
   * every record so far (and records {@code next} as the log's generation) is durable.
   */
  void reset(long next) {
    try {
      channel.truncate(0);
      channel.force(true);
    } catch (IOException e) {
      // Replay would skip the old generation's records anyway, but a log that cannot be written
      // is no place for the next commit: the caller's checkpoint fails and the store stops.
      throw new StoreException("cannot truncate write-ahead log " + file + ": " + e.getMessage(), e);
    } finally {
      generation = next;
      nextSequence = 0;
      endBytes = 0;
    }
  }

  /** Bytes of records since the last {@link #reset}. */
  long sizeBytes() {
    return endBytes;
  }

  /** Records appended since the log was opened. */
  long appends() {
    return appends;
  }

  /** Bytes appended since the log was opened. */
  long bytesWritten() {
    return bytesWritten;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new StoreException("cannot close write-ahead log " + file + ": " + e.getMessage(), e);
    }
  }

  private ByteBuffer encode(List<Change> changes) {
    int payloadBytes = 0;
    List<byte[]> names = new ArrayList<>(changes.size());
    for (Change c : changes) {
      byte[] name = c.table().getBytes(StandardCharsets.UTF_8);
      names.add(name);
      payloadBytes += 1 + 2 + name.length + 4 + c.key().length
          + (c.value() == null ? 0 : 4 + c.value().length);
    }
    ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + payloadBytes);
    buf.position(HEADER_BYTES);
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      buf.put(c.value() == null ? REMOVE : PUT);
      buf.putShort((short) names.get(i).length).put(names.get(i));
      buf.putInt(c.key().length).put(c.key());
      if (c.value() != null) {
        buf.putInt(c.value().length).put(c.value());
      }
    }
    int crc = crc(generation, nextSequence, buf.array(), HEADER_BYTES, payloadBytes);
    buf.putInt(0, payloadBytes).putInt(4, crc).putLong(8, generation).putLong(16, nextSequence);
    return buf.flip();
  }

  private static List<Change> decode(ByteBuffer payload) {
    List<Change> changes = new ArrayList<>();
    while (payload.hasRemaining()) {
      byte kind = payload.get();
      byte[] name = new byte[payload.getShort() & 0xffff];
      payload.get(name);
      byte[] key = new byte[payload.getInt()];
      payload.get(key);
      byte[] value = null;
      if (kind == PUT) {
        value = new byte[payload.getInt()];
        payload.get(value);
      } else if (kind != REMOVE) {
        throw new IllegalStateException("unknown change kind " + kind);
      }
      changes.add(new Change(new String(name, StandardCharsets.UTF_8), key, value));
    }
    return changes;
  }

  private static int crc(long generation, long sequence, byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(16).putLong(generation).putLong(sequence).flip());
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  private void readFully(ByteBuffer into, long at) throws IOException {
    while (into.hasRemaining()) {
      int n = channel.read(into, at + into.position());
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
    }
  }
}
