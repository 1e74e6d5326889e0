package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.GetRequest;
import io.lightpath.proto.gnmi.GetResponse;
import io.lightpath.proto.gnmi.Notification;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.SetRequest;
import io.lightpath.proto.gnmi.TypedValue;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.DeviceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and transactional writes on one gNMI target. This is where the per-device transaction contract lives:
 *
 * <ol>
 *   <li>validate every payload against the schema (nothing is sent if one is invalid);</li>
 *   <li>read the prior CONFIG value of every touched subtree (absent subtrees are remembered as absent);</li>
 *   <li>send all edits in <em>one</em> SetRequest, which the gNMI specification makes atomic, with the RPC
 *       deadline;</li>
 *   <li>read every touched subtree back and check that the device reports what was written;</li>
 *   <li>return an {@link AppliedChange} whose revert sends the inverse SetRequest (replace each subtree with its
 *       prior value, delete the ones that did not exist) and verifies that the prior values are back.</li>
 * </ol>
 *
 * <p>If the Set outcome is unknown (deadline exceeded) or verification fails, the inverse is sent once as a
 * compensation before the failure is reported, so a failed change does not linger on the device.
 *
 * <p>Thread-safe. Changes and reverts on one session run one after another, in call order (reads do not wait):
 * the prior value a change records is then always the state left by the change before it, so reverting
 * changes in reverse order of completion restores the device exactly even when callers race.
 */
public final class GnmiSession {

    private static final Logger LOG = LoggerFactory.getLogger(GnmiSession.class);

    private final GnmiClient client;
    private final PayloadValidator validator;
    /** Completion of the last queued change; the next one starts after it, whatever its outcome. Guarded by this. */
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    /** SetRequests this session has sent so far. Guarded by this. */
    private long setsSent;
    /** SetRequests sent and not yet answered. Guarded by this. */
    private int setsInFlight;
    /** Priors read ahead ({@link #prefetch}), by the exact path list of the change they are for. Guarded by this. */
    private final Map<List<Path>, Prefetched> prefetched = new HashMap<>();

    /** Priors read while {@code setsSent} was {@code generation} and no Set was in flight. */
    private record Prefetched(long generation, CompletableFuture<List<Optional<JsonNode>>> priors) {}

    /** At most this many read-ahead results are kept (a prefetched change that never comes must not pile up). */
    private static final int MAX_PREFETCHED = 64;

    /** The device's streamed configuration, when the driver keeps one ({@link ConfigMirror}); else null. */
    private volatile ConfigMirror mirror;
    /** Changes verified from the stream, and by a read-back Get (for tests and the docs' numbers). */
    private final java.util.concurrent.atomic.LongAdder shownByStream = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder readBacks = new java.util.concurrent.atomic.LongAdder();

    public GnmiSession(GnmiClient client, PayloadValidator validator) {
        this.client = client;
        this.validator = validator;
    }

    /** From now on, take priors and verification from {@code configMirror} whenever it can answer. */
    void attach(ConfigMirror configMirror) {
        this.mirror = configMirror;
    }

    /** True while a config mirror is attached and synced (changes then read no priors from the device). */
    public boolean configMirrorSynced() {
        ConfigMirror m = mirror;
        return m != null && m.synced();
    }

    /** Writes verified from the device's config stream so far (no read-back Get). */
    public long verifiedFromStream() {
        return shownByStream.sum();
    }

    /** Writes verified by a read-back Get so far. */
    public long verifiedByReadBack() {
        return readBacks.sum();
    }

    public String deviceId() {
        return client.deviceId();
    }

    public GnmiClient client() {
        return client;
    }

    /** Reads a CONFIG subtree; empty when the device has none at the path. */
    public CompletableFuture<Optional<JsonNode>> readConfig(Path path) {
        return read(path, GetRequest.DataType.CONFIG);
    }

    /** Reads a subtree including state; empty when the device has none at the path. */
    public CompletableFuture<Optional<JsonNode>> readAll(Path path) {
        return read(path, GetRequest.DataType.ALL);
    }

    /** Reads a subtree of the given data type; empty when the device has none at the path. */
    public CompletableFuture<Optional<JsonNode>> read(Path path, GetRequest.DataType type) {
        GetRequest request = GetRequest.newBuilder().setPrefix(client.config().prefix())
                .addPath(path).setType(type).setEncoding(Encoding.JSON_IETF).build();
        return client.get(request).handle((response, error) -> {
            if (error != null) {
                if (GnmiErrors.isNotFound(error)) {
                    return Optional.<JsonNode>empty();
                }
                throw GnmiErrors.toDeviceException(deviceId(), "Get", error);
            }
            return decode(path, response);
        });
    }

    private static List<Map.Entry<GnmiPath, TypedValue>> updatesOf(GetResponse response) {
        List<Map.Entry<GnmiPath, TypedValue>> updates = new ArrayList<>();
        for (Notification n : response.getNotificationList()) {
            for (Update u : n.getUpdateList()) {
                updates.add(TypedValues.entry(n.getPrefix(), u));
            }
        }
        return updates;
    }

    private Optional<JsonNode> decode(Path path, GetResponse response) {
        List<Map.Entry<GnmiPath, TypedValue>> updates = updatesOf(response);
        try {
            return TypedValues.assemble(GnmiPath.of(path), updates);
        } catch (IllegalArgumentException e) {
            throw new DeviceException(deviceId(), DeviceException.Kind.MALFORMED_REPLY,
                    "Get " + GnmiPaths.format(path) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code operation} after every change queued before it has finished. Only the hand-over is under the
     * lock: the operation (and anything that completes with it synchronously, e.g. a whole chain after a call that
     * fails at once on the network thread) runs outside it, so no lock of this session is held while other
     * sessions are used.
     */
    private <T> CompletableFuture<T> serialized(java.util.function.Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<?> previous;
        synchronized (this) {
            previous = tail;
            tail = done;
        }
        return previous.handle((ignored, error) -> null).thenCompose(ignored -> {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                return CompletableFuture.<T>failedFuture(e);
            }
        }).whenComplete((v, t) -> done.complete(null));
    }

    /**
     * Checks the prior values of a change before anything is sent.
     */
    @FunctionalInterface
    public interface PriorCheck {
        /**
         * @param priors prior CONFIG value of each edit's subtree, in edit order (empty = absent)
         * @return why the change must not be sent (it then fails with {@code CONFLICT}), or empty to go ahead
         */
        Optional<String> conflict(List<Optional<JsonNode>> priors);

        /** No precondition. */
        PriorCheck NONE = priors -> Optional.empty();
    }

    /**
     * Reads now the priors a later {@link #apply(String, List, PriorCheck, Predicate)} of edits at exactly
     * {@code paths} will need, so that call can skip its first round trip. The result is used only if this session
     * sends no SetRequest between now and that call (and none is in flight now): the device then still holds what
     * was read, as far as this controller's writes go. Other writers race a read-ahead exactly as they race the
     * read that {@code apply} would otherwise do just before its Set. A failed read-ahead is simply not used.
     *
     * @return completes when the read has finished (never fails)
     */
    public CompletableFuture<Void> prefetch(List<Path> paths, Predicate<Path> likelyAbsent) {
        if (paths.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Path> key = List.copyOf(paths);
        ConfigMirror m = mirror;
        if (m != null && m.answers(key)) {
            return CompletableFuture.completedFuture(null); // the change will take its priors from the stream
        }
        long generation;
        synchronized (this) {
            if (setsInFlight > 0) {
                return CompletableFuture.completedFuture(null); // a Set in flight may land after the read
            }
            Prefetched pending = prefetched.get(key);
            if (pending != null && pending.generation() == setsSent) {
                return pending.priors().handle((v, t) -> null); // already read ahead, and still valid
            }
            generation = setsSent;
            if (prefetched.size() >= MAX_PREFETCHED) {
                prefetched.clear();
            }
        }
        CompletableFuture<List<Optional<JsonNode>>> priors = readConfigs(key, likelyAbsent);
        synchronized (this) {
            if (setsSent == generation) {
                prefetched.put(key, new Prefetched(generation, priors));
            }
        }
        return priors.handle((v, t) -> null);
    }

    /** The read-ahead priors of {@code paths} if still valid (no Set sent since they were read), else null. */
    private synchronized CompletableFuture<List<Optional<JsonNode>>> takePrefetched(List<Path> paths) {
        Prefetched p = prefetched.remove(paths);
        if (p == null || p.generation() != setsSent || p.priors().isCompletedExceptionally()) {
            return null;
        }
        return p.priors();
    }

    /** Applies {@code edits} as one verified, revertible change (see the class comment). */
    public CompletableFuture<AppliedChange> apply(String description, List<ConfigEdit> edits) {
        return apply(description, edits, PriorCheck.NONE);
    }

    /**
     * Applies {@code edits} as one verified, revertible change after {@code check} accepted the priors; a refused
     * check fails with {@code CONFLICT} and sends nothing.
     */
    public CompletableFuture<AppliedChange> apply(String description, List<ConfigEdit> edits, PriorCheck check) {
        return apply(description, edits, check, p -> false);
    }

    /**
     * As {@link #apply(String, List, PriorCheck)}; the priors of paths {@code likelyAbsent} accepts (entries the
     * change creates) are read on their own, so their absence does not cost a refused multi-path Get first
     * ({@link #readConfigs(List, Predicate)}). A wrong guess costs nothing but that.
     */
    public CompletableFuture<AppliedChange> apply(String description, List<ConfigEdit> edits, PriorCheck check,
            Predicate<Path> likelyAbsent) {
        return apply(description, edits, check, likelyAbsent, new CompletableFuture<>());
    }

    /**
     * As {@link #apply(String, List, PriorCheck, Predicate)}; {@code acknowledged} completes when the SetRequest is
     * answered, before the read-back (see {@link io.lightpath.southbound.spi.ConfigBatch#applyAll(List,
     * CompletableFuture)}). It is left alone if no Set is answered (nothing to change, or a failure first): the
     * caller may retry with the same future, and completes it with the final outcome.
     */
    public CompletableFuture<AppliedChange> apply(String description, List<ConfigEdit> edits, PriorCheck check,
            Predicate<Path> likelyAbsent, CompletableFuture<Void> acknowledged) {
        return serialized(() -> applyNow(description, edits, check, likelyAbsent, acknowledged));
    }

    private CompletableFuture<AppliedChange> applyNow(String description, List<ConfigEdit> all, PriorCheck check,
            Predicate<Path> likelyAbsent, CompletableFuture<Void> acknowledged) {
        if (all.isEmpty()) {
            return CompletableFuture.completedFuture(AppliedChange.noOp(deviceId(), description));
        }
        try {
            for (ConfigEdit edit : all) {
                edit.value().ifPresent(v -> validator.validate(edit.path(), v));
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new DeviceException(deviceId(), DeviceException.Kind.INVALID_REQUEST,
                    description + ": " + e.getMessage(), e));
        }
        List<Path> paths = all.stream().map(ConfigEdit::path).toList();
        ConfigMirror m = mirror;
        List<Optional<JsonNode>> mirrored = m == null ? null : m.priors(paths);
        CompletableFuture<List<Optional<JsonNode>>> ahead = mirrored != null ? null : takePrefetched(paths);
        CompletableFuture<List<Optional<JsonNode>>> priors = mirrored != null
                ? CompletableFuture.completedFuture(mirrored)
                : ahead != null
                ? ahead.exceptionallyCompose(t -> readConfigs(paths, likelyAbsent))
                : readConfigs(paths, likelyAbsent);
        return priors.thenCompose(allPriors -> {
            Optional<String> conflict = check.conflict(allPriors);
            if (conflict.isPresent()) {
                return CompletableFuture.<AppliedChange>failedFuture(new DeviceException(deviceId(),
                        DeviceException.Kind.CONFLICT, description + ": " + conflict.get() + "; nothing was sent"));
            }
            // Edits that change nothing (delete of an absent subtree, replace with the value already there) are
            // left out: fewer bytes, and a repeated change sends nothing at all.
            List<ConfigEdit> edits = new ArrayList<>();
            List<ConfigEdit> inverse = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                ConfigEdit edit = all.get(i);
                Optional<JsonNode> prior = allPriors.get(i);
                boolean noOp = edit.value().isEmpty() ? prior.isEmpty()
                        : prior.isPresent() && IetfJson.equivalent(prior.get(), edit.value().get());
                if (!noOp) {
                    edits.add(edit);
                    inverse.add(new ConfigEdit(edit.path(), prior));
                }
            }
            if (edits.isEmpty()) {
                return CompletableFuture.completedFuture(AppliedChange.noOp(deviceId(), description));
            }
            GnmiAppliedChange change = new GnmiAppliedChange(this, description, List.copyOf(inverse));
            return setAndVerify(description, edits, false, acknowledged).handle((ok, error) -> {
                if (error == null) {
                    return CompletableFuture.completedFuture((AppliedChange) change);
                }
                DeviceException de = GnmiErrors.toDeviceException(deviceId(), "Set", error);
                boolean outcomeUnknown = de.kind() == DeviceException.Kind.DEADLINE_EXCEEDED
                        || de.kind() == DeviceException.Kind.VERIFICATION_FAILED;
                if (!outcomeUnknown) {
                    return CompletableFuture.<AppliedChange>failedFuture(de);
                }
                LOG.warn("{}: change '{}' failed ({}); sending its inverse as compensation",
                        deviceId(), description, de.kind());
                // Not change.revert(): that would queue behind this very change and never run.
                return setAndVerify("compensation of " + description, inverse, true, null)
                        .<AppliedChange>handle((ignored, revertError) -> {
                    if (revertError != null) {
                        de.addSuppressed(revertError);
                    }
                    throw de;
                });
            }).thenCompose(f -> f);
        });
    }

    /**
     * Reads the CONFIG subtrees at {@code paths} with as few Gets as it can (see {@link #readConfigs(List,
     * Predicate)}).
     */
    public CompletableFuture<List<Optional<JsonNode>>> readConfigs(List<Path> paths) {
        return readConfigs(paths, p -> false);
    }

    /**
     * Reads the CONFIG subtrees at {@code paths}, empty for each one the device does not have, with as few
     * GetRequests as it can:
     *
     * <ul>
     *   <li>Paths below one list entry (two or more leaves of one component, say) are read through that entry,
     *       once: the entry exists even when the leaves do not yet, so the Get is not refused.</li>
     *   <li>Everything else goes into <em>one</em> GetRequest. gNMI answers NOT_FOUND for the whole request when
     *       any one path is absent, and then cannot say which; only in that case the paths are read one by one
     *       (in parallel) to tell present from absent.</li>
     *   <li>Paths the caller expects to be absent ({@code likelyAbsent}, e.g. a list entry about to be created)
     *       are read one by one from the start, in parallel with the rest, instead of making the shared Get fail
     *       first.</li>
     * </ul>
     */
    public CompletableFuture<List<Optional<JsonNode>>> readConfigs(List<Path> paths, Predicate<Path> likelyAbsent) {
        if (paths.size() == 1) {
            return readConfig(paths.get(0)).thenApply(List::of);
        }
        List<Path> unitOf = readUnits(paths);
        Set<Path> together = new LinkedHashSet<>();
        Set<Path> alone = new LinkedHashSet<>();
        for (int i = 0; i < paths.size(); i++) {
            Path unit = unitOf.get(i);
            if (unit.equals(paths.get(i)) && likelyAbsent.test(unit)) {
                alone.add(unit);
            } else {
                together.add(unit);
            }
        }
        alone.removeAll(together);
        Map<Path, CompletableFuture<Optional<JsonNode>>> reads = new HashMap<>();
        for (Path unit : alone) {
            reads.put(unit, readConfig(unit));
        }
        CompletableFuture<List<Optional<JsonNode>>> shared = readTogether(List.copyOf(together));
        List<Path> sharedUnits = List.copyOf(together);
        CompletableFuture<?>[] all = new CompletableFuture<?>[reads.size() + 1];
        int k = 0;
        for (CompletableFuture<Optional<JsonNode>> f : reads.values()) {
            all[k++] = f;
        }
        all[k] = shared;
        return CompletableFuture.allOf(all).thenApply(ignored -> {
            Map<Path, Optional<JsonNode>> values = new HashMap<>();
            reads.forEach((unit, f) -> values.put(unit, f.join()));
            List<Optional<JsonNode>> sharedValues = shared.join();
            for (int i = 0; i < sharedUnits.size(); i++) {
                values.put(sharedUnits.get(i), sharedValues.get(i));
            }
            List<Optional<JsonNode>> out = new ArrayList<>(paths.size());
            for (int i = 0; i < paths.size(); i++) {
                Path unit = unitOf.get(i);
                Path path = paths.get(i);
                out.add(values.get(unit).flatMap(v -> IetfJson.at(v, path, unit.getElemCount())));
            }
            return out;
        });
    }

    /**
     * The path each of {@code paths} is read through: the deepest list entry above it when another requested
     * path lies below the same entry, else the path itself.
     */
    static List<Path> readUnits(List<Path> paths) {
        List<Path> entries = new ArrayList<>(paths.size());
        Map<Path, Integer> sharing = new HashMap<>();
        for (Path p : paths) {
            Path entry = enclosingEntry(p);
            entries.add(entry);
            if (entry != null) {
                sharing.merge(entry, 1, Integer::sum);
            }
        }
        List<Path> units = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            Path entry = entries.get(i);
            units.add(entry != null && sharing.get(entry) > 1 ? entry : paths.get(i));
        }
        return units;
    }

    /** The deepest list entry strictly above {@code path}, or null when there is none (or it is itself one). */
    private static Path enclosingEntry(Path path) {
        for (int i = path.getElemCount() - 2; i >= 0; i--) {
            if (path.getElem(i).getKeyCount() > 0) {
                return path.toBuilder().clearElem().addAllElem(path.getElemList().subList(0, i + 1)).build();
            }
        }
        return null;
    }

    /**
     * Reads {@code paths} with one GetRequest, or one by one (in parallel) when the device answers NOT_FOUND for
     * the request.
     */
    private CompletableFuture<List<Optional<JsonNode>>> readTogether(List<Path> paths) {
        if (paths.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (paths.size() == 1) {
            return readConfig(paths.get(0)).thenApply(List::of);
        }
        GetRequest request = GetRequest.newBuilder().setPrefix(client.config().prefix()).addAllPath(paths)
                .setType(GetRequest.DataType.CONFIG).setEncoding(Encoding.JSON_IETF).build();
        return client.get(request).handle((response, error) -> {
            if (error != null) {
                if (GnmiErrors.isNotFound(error)) {
                    return readEach(paths);
                }
                throw GnmiErrors.toDeviceException(deviceId(), "Get", error);
            }
            List<Map.Entry<GnmiPath, TypedValue>> updates = updatesOf(response);
            List<Optional<JsonNode>> out = new ArrayList<>(paths.size());
            for (Path path : paths) {
                try {
                    out.add(TypedValues.assemble(GnmiPath.of(path), updates));
                } catch (IllegalArgumentException e) {
                    throw new DeviceException(deviceId(), DeviceException.Kind.MALFORMED_REPLY,
                            "Get " + GnmiPaths.format(path) + ": " + e.getMessage(), e);
                }
            }
            return CompletableFuture.completedFuture(out);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<List<Optional<JsonNode>>> readEach(List<Path> paths) {
        List<CompletableFuture<Optional<JsonNode>>> reads = paths.stream().map(this::readConfig).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> reads.stream().map(CompletableFuture::join).collect(Collectors.toList()));
    }

    /**
     * Sends {@code edits} in one SetRequest and reads them back. With {@code exact}, the read-back must equal
     * the written subtree (used to restore prior values); otherwise it must contain every written leaf (the
     * device may add defaults). {@code acknowledged} (if not null) completes once the Set is answered.
     */
    CompletableFuture<Void> setAndVerify(String description, List<ConfigEdit> edits, boolean exact,
            CompletableFuture<Void> acknowledged) {
        SetRequest.Builder set = SetRequest.newBuilder().setPrefix(client.config().prefix());
        for (ConfigEdit edit : edits) {
            if (edit.value().isPresent()) {
                set.addReplace(Update.newBuilder().setPath(edit.path()).setVal(TypedValue.newBuilder()
                        .setJsonIetfVal(IetfJson.toBytes(edit.value().get()))));
            } else {
                set.addDelete(edit.path());
            }
        }
        synchronized (this) {
            setsSent++;
            setsInFlight++;
        }
        return client.set(set.build())
                .whenComplete((response, error) -> {
                    synchronized (this) {
                        setsInFlight--;
                    }
                })
                .thenCompose(response -> {
                    ConfigMirror m = mirror;
                    CompletableFuture<Boolean> shown = m == null ? CompletableFuture.completedFuture(false)
                            : m.awaitShown(edits, exact);
                    if (acknowledged != null) {
                        acknowledged.complete(null);
                    }
                    return shown.thenCompose(ok -> {
                        if (ok) {
                            shownByStream.increment();
                            return CompletableFuture.completedFuture(null);
                        }
                        readBacks.increment();
                        return readConfigs(edits.stream().map(ConfigEdit::path).toList());
                    });
                }).thenAccept(readBack -> {
                    if (readBack == null) {
                        return; // the device's stream showed every written leaf
                    }
                    for (int i = 0; i < edits.size(); i++) {
                        ConfigEdit edit = edits.get(i);
                        Optional<JsonNode> actual = readBack.get(i);
                        if (!edit.shownBy(actual, exact)) {
                            throw new DeviceException(deviceId(), DeviceException.Kind.VERIFICATION_FAILED,
                                    description + ": read-back of " + GnmiPaths.format(edit.path()) + " is "
                                            + actual.map(JsonNode::toString).orElse("absent") + ", expected "
                                            + edit.value().map(JsonNode::toString).orElse("absent"));
                        }
                    }
                });
    }

    /** The revertible record of one applied change. */
    private static final class GnmiAppliedChange implements AppliedChange {
        private final GnmiSession session;
        private final String description;
        private final List<ConfigEdit> inverse;

        GnmiAppliedChange(GnmiSession session, String description, List<ConfigEdit> inverse) {
            this.session = session;
            this.description = description;
            this.inverse = inverse;
        }

        @Override
        public String deviceId() {
            return session.deviceId();
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public CompletableFuture<Void> revert() {
            return session.serialized(() -> session.setAndVerify("revert of " + description, inverse, true, null));
        }

        @Override
        public String toString() {
            return deviceId() + ": " + description + " (inverse: " + inverse + ")";
        }
    }
}
