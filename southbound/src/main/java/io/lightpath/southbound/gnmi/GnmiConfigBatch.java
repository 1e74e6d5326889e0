package io.lightpath.southbound.gnmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightpath.southbound.spi.AppliedChange;
import io.lightpath.southbound.spi.ConfigBatch;
import io.lightpath.southbound.spi.ConfigChange;
import io.lightpath.southbound.spi.CrossConnect;
import io.lightpath.southbound.spi.DeviceException;
import io.lightpath.southbound.spi.MediaChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@link ConfigBatch} over gNMI: the edits of every change go into one {@link GnmiSession#apply} (priors read with
 * one Get, one SetRequest, one read-back Get, one inverse SetRequest on revert), with each change's precondition
 * checked against its priors before anything is sent.
 */
final class GnmiConfigBatch extends GnmiBehaviour implements ConfigBatch {

    private final GnmiDeviceType type;
    /** The transponder behaviour (for its logical-channel cache); null for other device types. */
    private final GnmiTransponder transponder;

    GnmiConfigBatch(GnmiSession session, GnmiDeviceType type, GnmiTransponder transponder) {
        super(session);
        this.type = type;
        this.transponder = transponder;
    }

    /**
     * One edit, what its prior must satisfy (a message when it does not), and whether the entry is expected to be
     * absent (a create: its prior is read on its own, see {@link GnmiSession#readConfigs(List,
     * java.util.function.Predicate)}).
     */
    private record Checked(ConfigEdit edit, Function<Optional<JsonNode>, Optional<String>> check, boolean creates) {
        Checked(ConfigEdit edit, Function<Optional<JsonNode>, Optional<String>> check) {
            this(edit, check, false);
        }

        static Checked any(ConfigEdit edit) {
            return new Checked(edit, prior -> Optional.empty());
        }
    }

    @Override
    public CompletableFuture<AppliedChange> applyAll(List<ConfigChange> changes) {
        return applyAll(changes, new CompletableFuture<>());
    }

    @Override
    public CompletableFuture<AppliedChange> applyAll(List<ConfigChange> changes, CompletableFuture<Void> acknowledged) {
        return applyAll(changes, true, acknowledged)
                .whenComplete((change, error) -> ConfigBatch.settle(acknowledged, error));
    }

    private CompletableFuture<AppliedChange> applyAll(List<ConfigChange> changes, boolean mayRetry,
            CompletableFuture<Void> acknowledged) {
        if (changes.isEmpty()) {
            return CompletableFuture.completedFuture(AppliedChange.noOp(deviceId(), "empty batch"));
        }
        String description = changes.size() == 1 ? describe(changes.get(0))
                : "batch of " + changes.size() + ": " + String.join("; ", changes.stream().map(this::describe).toList());
        return editsOf(changes).thenCompose(checked -> {
            List<ConfigEdit> edits = checked.stream().map(Checked::edit).toList();
            Set<String> paths = new HashSet<>();
            for (ConfigEdit e : edits) {
                if (!paths.add(GnmiPath.of(e.path()).format())) {
                    return CompletableFuture.<AppliedChange>failedFuture(new DeviceException(deviceId(),
                            DeviceException.Kind.INVALID_REQUEST, description + ": two changes touch " + e));
                }
            }
            Set<io.lightpath.proto.gnmi.Path> creates = creates(checked);
            return session.apply(description, edits, priors -> {
                for (int i = 0; i < checked.size(); i++) {
                    Optional<String> c = checked.get(i).check().apply(priors.get(i));
                    if (c.isPresent()) {
                        return c;
                    }
                }
                return Optional.empty();
            }, creates::contains, acknowledged);
        }).exceptionallyCompose(t -> {
            DeviceException de = DeviceException.unwrap(t);
            if (mayRetry && transponder != null && de != null && de.kind() == DeviceException.Kind.CONFLICT) {
                // The cached logical-channel assignment is stale: read it again, once.
                transponder.forgetLogicalChannels();
                return applyAll(changes, false, acknowledged);
            }
            return CompletableFuture.failedFuture(t);
        });
    }

    @Override
    public CompletableFuture<Void> prefetch(List<ConfigChange> changes) {
        if (changes.isEmpty() || session.configMirrorSynced()) {
            // a synced mirror answers every path a ConfigChange touches: nothing to read ahead
            return CompletableFuture.completedFuture(null);
        }
        // the same edits, in the same order, as applyAll will build; any failure is applyAll's to report
        return editsOf(changes).thenCompose(checked -> session.prefetch(
                checked.stream().map(c -> c.edit().path()).toList(), creates(checked)::contains))
                .handle((v, t) -> null);
    }

    /** The paths of the entries the edits create (their priors are likely absent). */
    private static Set<io.lightpath.proto.gnmi.Path> creates(List<Checked> checked) {
        Set<io.lightpath.proto.gnmi.Path> creates = new HashSet<>();
        checked.stream().filter(Checked::creates).forEach(c -> creates.add(c.edit().path()));
        return creates;
    }

    private CompletableFuture<List<Checked>> editsOf(List<ConfigChange> changes) {
        List<CompletableFuture<List<Checked>>> parts = new ArrayList<>();
        for (ConfigChange change : changes) {
            parts.add(encodeThen(describe(change), () -> editsOf(change)));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Checked> out = new ArrayList<>();
            parts.forEach(p -> out.addAll(p.join()));
            return out;
        });
    }

    private CompletableFuture<List<Checked>> editsOf(ConfigChange change) {
        if (change instanceof ConfigChange.TuneOpticalChannel t) {
            requireRole(GnmiDeviceType.TRANSPONDER, change);
            return transponder.logicalChannelOf(t.config().componentName()).thenApply(carrier ->
                    withLogicalChannelCheck(transponder.tuneEdits(t.config(), carrier), carrier));
        }
        if (change instanceof ConfigChange.ResetOpticalChannel r) {
            requireRole(GnmiDeviceType.TRANSPONDER, change);
            return transponder.logicalChannelOf(r.componentName()).thenApply(carrier ->
                    withLogicalChannelCheck(GnmiTransponder.resetEdits(r.componentName(), carrier), carrier));
        }
        if (change instanceof ConfigChange.PutMediaChannel p) {
            requireRole(GnmiDeviceType.ROADM, change);
            MediaChannel c = p.channel();
            ConfigEdit edit = ConfigEdit.replace(WavelengthRouterMapping.channel(c.index()),
                    WavelengthRouterMapping.encode(c));
            return done(List.of(!p.createOnly() ? Checked.any(edit) : new Checked(edit, prior ->
                    prior.map(this::mediaChannel).filter(m -> !sameChannel(m, c))
                            .map(m -> "media channel index " + c.index() + " is in use by " + m), true)));
        }
        if (change instanceof ConfigChange.RemoveMediaChannel r) {
            requireRole(GnmiDeviceType.ROADM, change);
            MediaChannel c = r.expected();
            return done(List.of(new Checked(ConfigEdit.delete(WavelengthRouterMapping.channel(c.index())),
                    prior -> prior.map(this::mediaChannel).filter(m -> !sameChannel(m, c))
                            .map(m -> "media channel " + c.index() + " is " + m + ", not " + c))));
        }
        if (change instanceof ConfigChange.Connect cc) {
            requireRole(GnmiDeviceType.OPTICAL_SWITCH, change);
            CrossConnect c = cc.crossConnect();
            return done(List.of(Checked.any(ConfigEdit.replace(OpticalSwitchMapping.crossConnect(c.inputPort()),
                    OpticalSwitchMapping.encode(c)))));
        }
        ConfigChange.Disconnect d = (ConfigChange.Disconnect) change;
        requireRole(GnmiDeviceType.OPTICAL_SWITCH, change);
        CrossConnect c = d.expected();
        return done(List.of(new Checked(ConfigEdit.delete(OpticalSwitchMapping.crossConnect(c.inputPort())),
                prior -> prior.map(this::crossConnect).filter(x -> !x.equals(c))
                        .map(x -> "cross-connect on " + c.inputPort() + " is " + x + ", not " + c))));
    }

    /** The admin-state leaf of a cached logical channel must exist; if not, the cache is stale (CONFLICT). */
    private static List<Checked> withLogicalChannelCheck(List<ConfigEdit> edits, Optional<Long> carrier) {
        List<Checked> out = new ArrayList<>();
        for (ConfigEdit e : edits) {
            boolean adminState = carrier.isPresent()
                    && e.path().equals(TerminalDeviceMapping.logicalChannelAdminState(carrier.get()));
            out.add(!adminState ? Checked.any(e) : new Checked(e, prior -> prior.isPresent() ? Optional.empty()
                    : Optional.of("logical channel " + carrier.get() + " no longer exists")));
        }
        return out;
    }

    private void requireRole(GnmiDeviceType role, ConfigChange change) {
        if (type != role) {
            throw new IllegalArgumentException(type + " device cannot take " + change);
        }
    }

    private static CompletableFuture<List<Checked>> done(List<Checked> checked) {
        return CompletableFuture.completedFuture(checked);
    }

    private MediaChannel mediaChannel(JsonNode entry) {
        return decode("media channel", () -> WavelengthRouterMapping.decode(entry));
    }

    private CrossConnect crossConnect(JsonNode entry) {
        return decode("cross-connect", () -> OpticalSwitchMapping.decode(entry));
    }

    private static boolean sameChannel(MediaChannel a, MediaChannel b) {
        return a.index() == b.index() && a.lowerFrequencyMhz() == b.lowerFrequencyMhz()
                && a.upperFrequencyMhz() == b.upperFrequencyMhz() && a.sourcePort().equals(b.sourcePort())
                && a.destPort().equals(b.destPort());
    }

    private String describe(ConfigChange change) {
        if (change instanceof ConfigChange.TuneOpticalChannel t) {
            return GnmiTransponder.describe(t.config());
        }
        if (change instanceof ConfigChange.ResetOpticalChannel r) {
            return "reset optical channel " + r.componentName();
        }
        if (change instanceof ConfigChange.PutMediaChannel p) {
            return "media channel " + p.channel().index() + " " + p.channel().lowerFrequencyMhz() + ".."
                    + p.channel().upperFrequencyMhz() + " MHz " + p.channel().sourcePort() + " -> "
                    + p.channel().destPort();
        }
        if (change instanceof ConfigChange.RemoveMediaChannel r) {
            return "remove media channel " + r.expected().index();
        }
        if (change instanceof ConfigChange.Connect c) {
            return "cross-connect " + c.crossConnect().inputPort() + " -> " + c.crossConnect().outputPort();
        }
        return "disconnect " + ((ConfigChange.Disconnect) change).expected().inputPort();
    }
}
