package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.proto.gnmi.Encoding;
import io.lightpath.proto.gnmi.Notification;
import io.lightpath.proto.gnmi.Path;
import io.lightpath.proto.gnmi.SubscribeRequest;
import io.lightpath.proto.gnmi.Subscription;
import io.lightpath.proto.gnmi.SubscriptionList;
import io.lightpath.proto.gnmi.SubscriptionMode;
import io.lightpath.proto.gnmi.TypedValue;
import io.lightpath.proto.gnmi.Update;
import io.lightpath.southbound.spi.DeviceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration this driver writes on one device, as the device itself streams it: a gNMI STREAM subscription,
 * ON_CHANGE, to the subtrees the driver's changes touch ({@link #scopes}), applied leaf by leaf. While the stream is
 * synced, a {@link GnmiSession} takes a change's priors from here instead of reading them with Gets, and takes the
 * device's own report of the written leaves as the change's verification instead of a read-back Get.
 *
 * <p>Why this is as safe as the Gets it replaces. A prior Get is already out of date when the Set that follows it
 * lands if another writer changed the device in between (gNMI has no compare-and-set); the mirror is out of date for
 * the time a notification takes to arrive, the same order of time. Changes of one session are serialised and each
 * one completes only once the stream has shown it (or a read-back Get has confirmed it), so a change's priors never
 * miss the change before it. A Set the device acknowledges but never applies is never shown: after
 * {@code grace} the session reads back as before and reports VERIFICATION_FAILED. When the stream is down or not yet
 * synced, or a path lies outside the mirrored subtrees, the session reads and verifies with Gets exactly as without
 * a mirror.
 *
 * <p>Only configuration is kept: leaves below a {@code state} container (OpenConfig's convention) are dropped.
 *
 * <p>Thread-safe: guarded by this object's lock, which is never held while calling out except to complete waiters'
 * futures, whose dependants this driver runs asynchronously or briefly.
 */
final class ConfigMirror implements ResilientSubscription.StreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigMirror.class);
    private static final String WILDCARD = GnmiPath.WILDCARD;

    private final String deviceId;
    private final List<Path> scopes;
    /** {@link #scopes} in the form streamed paths are compared in. */
    private final List<GnmiPath> scopePaths;
    private final Scheduler scheduler;
    private final Duration grace;
    /**
     * Config leaves by formatted path; the value keeps its path for {@link TypedValues#assemble}, converted once when
     * the leaf arrives ({@link GnmiPath} says why not the protobuf path).
     */
    private final NavigableMap<String, Map.Entry<GnmiPath, TypedValue>> leaves = new TreeMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final CompletableFuture<Void> firstSync = new CompletableFuture<>();
    private boolean synced;
    private long notifications;

    /**
     * A change waiting to be shown by the stream; {@code paths} are the edits' paths, converted once since every
     * notification until then checks them again.
     */
    private record Waiter(List<ConfigEdit> edits, List<GnmiPath> paths, boolean exact,
            CompletableFuture<Boolean> shown) {
    }

    /**
     * @param scopes subscription paths, list keys {@code *} for every entry (see {@link #scopes(GnmiDeviceType)})
     * @param grace how long a written change may take to be shown before the session reads it back instead
     */
    ConfigMirror(String deviceId, List<Path> scopes, Scheduler scheduler, Duration grace) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("no scopes");
        }
        this.deviceId = deviceId;
        this.scopes = List.copyOf(scopes);
        this.scopePaths = this.scopes.stream().map(GnmiPath::of).toList();
        this.scheduler = scheduler;
        this.grace = grace;
    }

    /** The subtrees the driver's changes of a device type write (see {@link GnmiConfigBatch} and the mappings). */
    static List<Path> scopes(GnmiDeviceType type) {
        return switch (type) {
            case ROADM -> List.of(GnmiPaths.join(WavelengthRouterMapping.channels(),
                    GnmiPaths.builder().elem("channel", "index", WILDCARD).build()));
            case TRANSPONDER -> List.of(
                    GnmiPaths.join(TerminalDeviceMapping.component(WILDCARD),
                            GnmiPaths.builder().elem("optical-channel").elem("config").build()),
                    GnmiPaths.join(TerminalDeviceMapping.logicalChannels(),
                            GnmiPaths.builder().elem("channel", "index", WILDCARD).elem("config").build()));
            case OPTICAL_SWITCH -> List.of(GnmiPaths.join(OpticalSwitchMapping.crossConnects(),
                    GnmiPaths.builder().elem("cross-connect", "input-port", WILDCARD).build()));
        };
    }

    /** The Subscribe request that feeds this mirror: STREAM, every scope ON_CHANGE, a full snapshot first. */
    SubscribeRequest request(Path prefix) {
        SubscriptionList.Builder list = SubscriptionList.newBuilder().setPrefix(prefix)
                .setMode(SubscriptionList.Mode.STREAM).setEncoding(Encoding.JSON_IETF);
        for (Path scope : scopes) {
            list.addSubscription(Subscription.newBuilder().setPath(scope).setMode(SubscriptionMode.ON_CHANGE));
        }
        return SubscribeRequest.newBuilder().setSubscribe(list).build();
    }

    /** Completes at the first sync (the mirror has held the device's whole configuration at least once). */
    CompletableFuture<Void> firstSync() {
        return firstSync;
    }

    synchronized boolean synced() {
        return synced;
    }

    /** Notifications applied so far (for tests). */
    synchronized long notifications() {
        return notifications;
    }

    /** The scope {@code path} lies at or below, or null: every config leaf at or below it is then mirrored. */
    private GnmiPath scopeOf(GnmiPath path) {
        for (GnmiPath scope : scopePaths) {
            if (path.matchedBy(scope)) {
                return scope;
            }
        }
        return null;
    }

    /** True while the mirror can answer for every one of {@code paths}: synced, and each inside a scope. */
    synchronized boolean answers(List<Path> paths) {
        return synced && answersAll(convert(paths));
    }

    private boolean answersAll(List<GnmiPath> paths) {
        if (!synced) {
            return false;
        }
        for (GnmiPath p : paths) {
            if (scopeOf(p) == null) {
                return false;
            }
        }
        return true;
    }

    private static List<GnmiPath> convert(List<Path> paths) {
        List<GnmiPath> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            out.add(GnmiPath.of(p));
        }
        return out;
    }

    /**
     * The config subtrees at {@code paths} (empty = absent), as a CONFIG Get would answer them; null when the mirror
     * cannot answer for all of them ({@link #answers}).
     */
    synchronized List<Optional<JsonNode>> priors(List<Path> requested) {
        if (!synced) {
            return null;
        }
        List<GnmiPath> paths = convert(requested);
        if (!answersAll(paths)) {
            return null;
        }
        List<Optional<JsonNode>> out = new ArrayList<>(paths.size());
        try {
            for (GnmiPath p : paths) {
                out.add(subtree(p));
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: streamed config does not form a tree ({}); reading the device instead", deviceId,
                    e.getMessage());
            return null;
        }
        return out;
    }

    /**
     * Completes with true once the mirror shows every edit (a replace: its leaves, all of them and nothing else when
     * {@code exact}; a delete: nothing at the path), with false when it has not after the grace period or the stream
     * is lost first. Completes at once, with false, when the mirror cannot answer for the edits' paths.
     */
    CompletableFuture<Boolean> awaitShown(List<ConfigEdit> edits, boolean exact) {
        List<GnmiPath> paths = convert(edits.stream().map(ConfigEdit::path).toList());
        Waiter w = new Waiter(List.copyOf(edits), List.copyOf(paths), exact, new CompletableFuture<>());
        synchronized (this) {
            if (!answersAll(w.paths())) {
                return CompletableFuture.completedFuture(false);
            }
            if (shows(w)) {
                return CompletableFuture.completedFuture(true);
            }
            waiters.add(w);
        }
        Scheduler.Cancellable timer = scheduler.schedule(() -> expire(w), grace);
        w.shown().whenComplete((v, t) -> timer.cancel());
        return w.shown();
    }

    private void expire(Waiter w) {
        synchronized (this) {
            if (!waiters.remove(w)) {
                return;
            }
            if (LOG.isDebugEnabled()) {
                for (int i = 0; i < w.edits().size(); i++) {
                    ConfigEdit e = w.edits().get(i);
                    Optional<JsonNode> actual;
                    try {
                        actual = subtree(w.paths().get(i));
                    } catch (IllegalArgumentException ex) {
                        actual = Optional.empty();
                    }
                    LOG.debug("{}: {} not shown within {}: streamed {}, written {}", deviceId,
                            GnmiPaths.format(e.path()), grace, actual, e.value());
                }
            }
        }
        w.shown().complete(false);
    }

    private boolean shows(Waiter w) {
        for (int i = 0; i < w.edits().size(); i++) {
            ConfigEdit edit = w.edits().get(i);
            Optional<JsonNode> actual;
            try {
                actual = subtree(w.paths().get(i));
            } catch (IllegalArgumentException e) {
                return false; // not shown; the read-back after the grace period decides
            }
            if (!edit.shownBy(actual, w.exact())) {
                return false;
            }
        }
        return true;
    }

    private Optional<JsonNode> subtree(GnmiPath path) {
        String at = path.format();
        Map.Entry<GnmiPath, TypedValue> exact = leaves.get(at);
        String below = at + '/';
        NavigableMap<String, Map.Entry<GnmiPath, TypedValue>> under =
                leaves.subMap(below, true, below + '\uffff', true);
        if (exact == null && under.isEmpty()) {
            return Optional.empty(); // e.g. the prior of every entry a change creates
        }
        List<Map.Entry<GnmiPath, TypedValue>> found = new ArrayList<>();
        if (exact != null) {
            found.add(exact);
        }
        for (Map.Entry<GnmiPath, TypedValue> leaf : under.values()) { // one pass (addAll would count the range first)
            found.add(leaf);
        }
        return TypedValues.assemble(path, found);
    }

    @Override
    public void onStreamStart() {
        lose();
    }

    @Override
    public void onNotification(Notification n) {
        List<Waiter> done = new ArrayList<>();
        synchronized (this) {
            notifications++;
            GnmiPath prefix = GnmiPath.of(n.getPrefix()); // its target and origin are not part of a GnmiPath
            for (Path delete : n.getDeleteList()) {
                String at = prefix.append(delete).format();
                leaves.remove(at);
                leaves.subMap(at + "/", true, at + "/\uffff", true).clear();
            }
            for (Update u : n.getUpdateList()) {
                if (u.getVal().getValueCase() == TypedValue.ValueCase.VALUE_NOT_SET) {
                    continue;
                }
                GnmiPath path = prefix.append(u.getPath());
                if (!isConfig(path)) {
                    continue;
                }
                leaves.put(path.format(), Map.entry(path, u.getVal()));
            }
            if (!waiters.isEmpty()) {
                for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                    Waiter w = it.next();
                    if (synced && shows(w)) {
                        it.remove();
                        done.add(w);
                    }
                }
            }
        }
        done.forEach(w -> w.shown().complete(true));
    }

    @Override
    public void onSynced() {
        synchronized (this) {
            synced = true;
        }
        firstSync.complete(null);
    }

    @Override
    public void onDisconnected(DeviceException cause) {
        LOG.debug("{}: config mirror lost its stream ({}); changes read the device until it is back", deviceId,
                cause.getMessage());
        lose();
    }

    /** Forgets everything: a new stream starts with a full snapshot. Waiters fall back to reading the device. */
    private void lose() {
        List<Waiter> dropped;
        synchronized (this) {
            synced = false;
            leaves.clear();
            dropped = List.copyOf(waiters);
            waiters.clear();
        }
        dropped.forEach(w -> w.shown().complete(false));
    }

    /** Inside a scope, and not below a {@code state} container. */
    private boolean isConfig(GnmiPath path) {
        GnmiPath scope = scopeOf(path);
        if (scope == null) {
            return false;
        }
        for (int i = scope.size(); i < path.size(); i++) {
            if (path.elem(i).name().equals("state")) {
                return false;
            }
        }
        return true;
    }
}
