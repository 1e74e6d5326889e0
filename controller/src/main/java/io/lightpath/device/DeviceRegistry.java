package io.lightpath.device;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.lightpath.proto.v1.Device;
import io.lightpath.proto.v1.DeviceProtocol;
import io.lightpath.proto.v1.DeviceRole;
import io.lightpath.proto.v1.TlsSettings;
import io.lightpath.southbound.spi.ConnectionStatus;
import io.lightpath.store.Bytes;
import io.lightpath.store.Compare;
import io.lightpath.store.KeyRange;
import io.lightpath.store.KeyValue;
import io.lightpath.store.Op;
import io.lightpath.store.StateStore;
import io.lightpath.store.StoreException;
import io.lightpath.store.Txn;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The set of managed devices, ordered by id. Thread-safe; registration of a taken id fails
 * atomically. With a {@link StateStore} every registration is durable (key {@value #PREFIX}{id},
 * protobuf {@code Device} bytes) before it is acknowledged, so a restarted controller still knows
 * the devices its interrupted services must be rolled back on. Without one (tests) it lives in
 * memory only.
 */
public final class DeviceRegistry {
  /** Store key prefix of the registrations. */
  public static final String PREFIX = "/devices/";

  private final ConcurrentNavigableMap<String, ManagedDevice> devices = new ConcurrentSkipListMap<>();
  private volatile Sessions sessions = id -> Optional.empty();

  /**
   * Whoever holds the device sessions (the provisioning drivers): reports their state and hears of
   * registrations and removals, so it can connect and disconnect. Calls come from the registering
   * thread and must not block.
   */
  public interface Sessions {
    /** The session state of a device; empty when no session was opened. */
    Optional<ConnectionStatus> status(String deviceId);

    /** A device was registered. */
    default void registered(ManagedDevice device) {}

    /** A device was removed. */
    default void removed(String deviceId) {}
  }
  private final StateStore store;
  private volatile boolean loaded;

  /** A registry kept in memory only. */
  public DeviceRegistry() {
    this.store = null;
    this.loaded = true;
  }

  /** A registry persisted in {@code store}; read on first use (injection does no I/O). */
  @Inject
  public DeviceRegistry(StateStore store) {
    this.store = store;
  }

  /**
   * Makes {@code sessions} the source of {@link #connectionStatus}: the southbound driver layer
   * attaches itself here so the northbound API can report sessions without depending on it.
   */
  public void attachSessions(Sessions sessions) {
    this.sessions = java.util.Objects.requireNonNull(sessions, "sessions");
  }

  /** The state of the controller's session with a device; empty when none has been opened yet. */
  public Optional<ConnectionStatus> connectionStatus(String deviceId) {
    return sessions.status(deviceId);
  }

  /** Registers a device; returns false (and changes nothing) if its id is taken. */
  public synchronized boolean register(ManagedDevice device) {
    load();
    if (devices.containsKey(device.id())) {
      return false;
    }
    if (store != null) {
      Bytes key = Bytes.utf8(PREFIX + device.id());
      boolean written = store.txn(Txn.builder().when(Compare.absent(key))
          .then(Op.put(key, Bytes.wrap(encode(device).toByteArray()))).build()).succeeded();
      if (!written) {
        return false;
      }
    }
    devices.put(device.id(), device);
    sessions.registered(device);
    return true;
  }

  public Optional<ManagedDevice> get(String id) {
    load();
    return Optional.ofNullable(devices.get(id));
  }

  /** Removes a device; returns false if there was none. */
  public synchronized boolean remove(String id) {
    load();
    if (!devices.containsKey(id)) {
      return false;
    }
    if (store != null) {
      store.delete(PREFIX + id);
    }
    boolean removed = devices.remove(id) != null;
    sessions.removed(id);
    return removed;
  }

  /** The first registered device (in id order) that {@code test} accepts. */
  public Optional<ManagedDevice> find(java.util.function.Predicate<ManagedDevice> test) {
    load();
    return devices.values().stream().filter(test).findFirst();
  }

  /** Up to {@code limit} devices with ids strictly after {@code afterId} ("" for the start). */
  public List<ManagedDevice> page(String afterId, int limit) {
    load();
    return devices.tailMap(afterId, false).values().stream().limit(limit).toList();
  }

  private void load() {
    if (loaded) {
      return;
    }
    synchronized (this) {
      if (loaded) {
        return;
      }
      for (KeyValue kv : store.range(KeyRange.prefix(PREFIX)).kvs()) {
        try {
          ManagedDevice d = decode(Device.parseFrom(kv.value().toByteArray()));
          devices.put(d.id(), d);
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
          throw new StoreException("corrupt device registration at " + kv.key().toUtf8(), e);
        }
      }
      loaded = true;
    }
  }

  private static Device encode(ManagedDevice d) {
    return Device.newBuilder()
        .setName("devices/" + d.id())
        .setAddress(d.address())
        .setProtocol(DeviceProtocol.valueOf(d.protocol().name()))
        .setRole(DeviceRole.valueOf("DEVICE_ROLE_" + d.role().name()))
        .setNodeId(d.nodeId())
        .setTarget(d.target())
        .setCredentialRef(d.credentialRef())
        .setTls(TlsSettings.newBuilder()
            .setInsecurePlaintext(d.tls().insecurePlaintext())
            .setCaCertificateFile(d.tls().caCertificateFile())
            .setServerNameOverride(d.tls().serverNameOverride()))
        .setCreateTime(Timestamp.newBuilder()
            .setSeconds(d.createTime().getEpochSecond()).setNanos(d.createTime().getNano()))
        .build();
  }

  private static ManagedDevice decode(Device d) {
    TlsSettings tls = d.getTls();
    return new ManagedDevice(
        d.getName().substring("devices/".length()),
        d.getAddress(),
        ManagedDevice.Protocol.valueOf(d.getProtocol().name()),
        ManagedDevice.Role.valueOf(d.getRole().name().substring("DEVICE_ROLE_".length())),
        d.getNodeId(),
        d.getTarget(),
        d.getCredentialRef(),
        new ManagedDevice.Tls(tls.getInsecurePlaintext(), tls.getCaCertificateFile(),
            tls.getServerNameOverride()),
        Instant.ofEpochSecond(d.getCreateTime().getSeconds(), d.getCreateTime().getNanos()));
  }
}
