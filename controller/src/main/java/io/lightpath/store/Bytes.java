package io.lightpath.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string used for store keys and values. Ordering is unsigned lexicographic,
 * the same order etcd uses for keys, so prefix ranges mean the same thing on every backend.
 */
public final class Bytes implements Comparable<Bytes> {

  /** The empty byte string. As a range end it means "no upper bound". */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** A copy of {@code data}; later changes to the array do not affect the result. */
  public static Bytes of(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data.clone());
  }

  /** The UTF-8 encoding of {@code text}. */
  public static Bytes utf8(String text) {
    return wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Takes ownership of {@code data} without copying; the caller must not modify it afterwards. */
  public static Bytes wrap(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data);
  }

  public int size() {
    return data.length;
  }

  public boolean isEmpty() {
    return data.length == 0;
  }

  public byte byteAt(int index) {
    return data[index];
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return data.clone();
  }

  /** The bytes without copying, for codecs inside the store; callers must not modify them. */
  public byte[] unsafeArray() {
    return data;
  }

  public String toUtf8() {
    return new String(data, StandardCharsets.UTF_8);
  }

  public boolean startsWith(Bytes prefix) {
    return data.length >= prefix.data.length
        && Arrays.equals(data, 0, prefix.data.length, prefix.data, 0, prefix.data.length);
  }

  public Bytes concat(Bytes other) {
    byte[] out = Arrays.copyOf(data, data.length + other.data.length);
    System.arraycopy(other.data, 0, out, data.length, other.data.length);
    return wrap(out);
  }

  /**
   * The smallest byte string greater than every string that starts with this one (etcd's
   * "prefix end"): the last byte below 0xff is incremented and the rest dropped. Returns {@link
   * #EMPTY}, meaning "no upper bound", when every byte is 0xff or this string is empty.
   */
  public Bytes prefixEnd() {
    for (int i = data.length - 1; i >= 0; i--) {
      if (data[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(data, i + 1);
        end[i]++;
        return wrap(end);
      }
    }
    return EMPTY;
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(data, other.data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(data, b.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  /** UTF-8 text when the bytes are printable ASCII, hex otherwise. */
  @Override
  public String toString() {
    for (byte b : data) {
      if (b < 0x20 || b > 0x7e) {
        return "0x" + HexFormat.of().formatHex(data);
      }
    }
    return toUtf8();
  }
}
