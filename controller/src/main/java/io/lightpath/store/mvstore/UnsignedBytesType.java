package io.lightpath.store.mvstore;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * byte[] keys in unsigned lexicographic order. H2's own byte-array type is for values only (it
 * cannot compare), and etcd orders keys unsigned, so prefix ranges need this order.
 */
final class UnsignedBytesType extends BasicDataType<byte[]> {

  static final UnsignedBytesType INSTANCE = new UnsignedBytesType();

  private UnsignedBytesType() {}

  @Override
  public int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  @Override
  public int getMemory(byte[] data) {
    return 24 + data.length;
  }

  @Override
  public void write(WriteBuffer buff, byte[] data) {
    buff.putVarInt(data.length);
    buff.put(data);
  }

  @Override
  public byte[] read(ByteBuffer buff) {
    byte[] data = new byte[DataUtils.readVarInt(buff)];
    buff.get(data);
    return data;
  }

  @Override
  public byte[][] createStorage(int size) {
    return new byte[size][];
  }
}
