package io.lightpath.yang;

import io.lightpath.yang.internal.ChangeCollector;
import io.lightpath.yang.internal.ErrorMessages;
import io.lightpath.yang.internal.LeafRefChecker;
import io.lightpath.yang.internal.ResolvedPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.api.TreeType;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory, thread-safe YANG datastore (a yangtools {@code InMemoryDataTree}) holding
 * JSON_IETF-addressable data that always satisfies its {@link YangSchema}.
 *
 * <p>All changes go through a {@link Transaction}: {@link Transaction#commit()} applies every
 * operation or none. Before a commit becomes visible the whole resulting tree is checked: node
 * structure, types and ranges, list keys, mandatory nodes, {@code unique} constraints and
 * leafrefs. A failing commit throws {@link YangValidationException} and leaves the datastore
 * exactly as it was.
 *
 * <p>Two kinds exist: {@link Kind#CONFIGURATION} accepts only {@code config true} nodes (what a
 * gNMI client may Set), {@link Kind#OPERATIONAL} accepts state ({@code config false}) nodes as
 * well, as a device (emulator) must hold both.
 *
 * <p>Reads see the last committed state. {@link #snapshot()} captures it and
 * {@link #restore(Snapshot)} puts it back, so that a caller can prove a rollback is
 * byte-identical by comparing {@link #read(YangPath)} of the root before and after. Listeners see
 * every commit's changes in commit order.
 */
public final class ConfigDatastore {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigDatastore.class);

    /** Which nodes the datastore may hold. */
    public enum Kind {
        /** Only configuration ({@code config true}) nodes. */
        CONFIGURATION,
        /** Configuration and state nodes. */
        OPERATIONAL
    }

    /** Receives the changes of each successful commit. */
    @FunctionalInterface
    public interface ChangeListener {
        /**
         * Called once per commit that changed something, on the committing thread, after the
         * commit is visible to readers. Calls are serialized in commit order (commits wait while
         * listeners run). Must not block for long or wait for another thread's commit; reading the
         * datastore is fine. Exceptions are logged and ignored.
         */
        void onChanges(List<DatastoreChange> changes);
    }

    /** The complete content of a datastore at one point in time. Immutable; cheap to take. */
    public static final class Snapshot {
        private final ContainerNode root;

        private Snapshot(ContainerNode root) {
            this.root = root;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && root.equals(s.root);
        }

        @Override
        public int hashCode() {
            return root.hashCode();
        }

        @Override
        public String toString() {
            return "Snapshot[" + root.body().size() + " top-level nodes]";
        }
    }

    private final YangSchema schema;
    private final JsonIetfCodec codec;
    private final Kind kind;
    private final DataTree tree;
    private final Object commitLock = new Object();
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by commitLock. */
    private boolean incrementalLeafRefs = true;
    /** Guarded by commitLock. */
    private long fullLeafRefPasses;

    /**
     * Creates an empty datastore.
     *
     * @param schema the schema all content must satisfy
     * @param kind whether state nodes are allowed
     */
    public ConfigDatastore(YangSchema schema, Kind kind) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.codec = new JsonIetfCodec(schema);
        DataTreeConfiguration config = new DataTreeConfiguration.Builder(
                kind == Kind.CONFIGURATION ? TreeType.CONFIGURATION : TreeType.OPERATIONAL)
                .setMandatoryNodesValidation(true)
                .setUniqueIndexes(true)
                .build();
        this.tree = new InMemoryDataTreeFactory().create(config, schema.modelContext());
    }

    /** The schema of this datastore. */
    public YangSchema schema() {
        return schema;
    }

    /** Whether state nodes are allowed. */
    public Kind kind() {
        return kind;
    }

    /** Starts a transaction. Transactions are not thread-safe; the datastore is. */
    public Transaction newTransaction() {
        return new Transaction();
    }

    /**
     * Reads the node at {@code path} as a JSON_IETF value (see {@link JsonIetfCodec}).
     *
     * @return empty if no such node exists; the root always exists ({@code {}} when empty)
     * @throws YangValidationException if the path names no schema node
     */
    public Optional<String> read(YangPath path) {
        ResolvedPath resolved = codec.resolve(path);
        Optional<NormalizedNode> node = tree.takeSnapshot().readNode(resolved.identifier());
        return node.map(n -> schema.transcoder().encode(resolved, n));
    }

    /**
     * Reads the node at {@code path} as a yangtools node.
     *
     * @throws YangValidationException if the path names no schema node
     */
    public Optional<NormalizedNode> readNode(YangPath path) {
        return tree.takeSnapshot().readNode(codec.resolve(path).identifier());
    }

    /** Whether a node exists at {@code path}. */
    public boolean exists(YangPath path) {
        return readNode(path).isPresent();
    }

    /** Captures the current content. */
    public Snapshot snapshot() {
        NormalizedNode root = tree.takeSnapshot().readNode(YangInstanceIdentifier.of()).orElseThrow();
        return new Snapshot((ContainerNode) root);
    }

    /**
     * Replaces the whole content with a snapshot taken earlier from a datastore with the same
     * schema, as one validated commit (listeners see the differences).
     */
    public void restore(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        commit(List.of(new Op(OpType.REPLACE, codec.resolve(YangPath.ROOT), snapshot.root)));
    }

    /**
     * Registers a listener for committed changes.
     *
     * @return closing it unregisters the listener
     */
    public AutoCloseable addListener(ChangeListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private enum OpType { DELETE, REPLACE, MERGE }

    private record Op(OpType type, ResolvedPath target, NormalizedNode data) {
    }

    /**
     * A batch of operations applied atomically by {@link #commit()}, in the order they were
     * added (as gNMI Set applies deletes, then replaces, then updates, callers add them in that
     * order). Payloads are decoded when added, so a malformed payload fails at once.
     */
    public final class Transaction {
        private final List<Op> ops = new ArrayList<>();
        private boolean done;

        private Transaction() {
        }

        /**
         * Deletes the node at {@code path} and everything below it; deleting a missing node is
         * not an error.
         *
         * @throws YangValidationException if the path names no schema node
         */
        public Transaction delete(YangPath path) {
            checkOpen();
            ResolvedPath target = codec.resolve(path);
            if (target.kind() == ResolvedPath.TargetKind.ROOT) {
                ops.add(new Op(OpType.REPLACE, target, schema.transcoder().decode(target, "{}")));
            } else {
                ops.add(new Op(OpType.DELETE, target, null));
            }
            return this;
        }

        /**
         * Replaces the node at {@code path} with {@code json} (gNMI Set replace): children absent
         * from the value are removed.
         *
         * @throws YangValidationException if the path or the value does not match the schema
         */
        public Transaction replace(YangPath path, String json) {
            return add(OpType.REPLACE, path, target -> schema.transcoder().decode(target, json));
        }

        /**
         * Merges {@code json} into the node at {@code path} (gNMI Set update): children absent
         * from the value are kept.
         *
         * @throws YangValidationException if the path or the value does not match the schema
         */
        public Transaction merge(YangPath path, String json) {
            return add(OpType.MERGE, path, target -> schema.transcoder().decode(target, json));
        }

        /**
         * Replaces the node at {@code path} with {@code content}, as {@link #replace(YangPath, String)}
         * does with the same value as JSON_IETF text (same checks, same errors), without rendering
         * and parsing text.
         *
         * @throws YangValidationException if the path or the value does not match the schema
         */
        public Transaction replace(YangPath path, NodeContent content) {
            return add(OpType.REPLACE, path, target -> schema.transcoder().build(target, content));
        }

        /**
         * Merges {@code content} into the node at {@code path}, as {@link #merge(YangPath, String)}
         * does with the same value as JSON_IETF text.
         *
         * @throws YangValidationException if the path or the value does not match the schema
         */
        public Transaction merge(YangPath path, NodeContent content) {
            return add(OpType.MERGE, path, target -> schema.transcoder().build(target, content));
        }

        /** Resolves {@code path} and adds the operation with the value {@code data} decodes there. */
        private Transaction add(OpType type, YangPath path, Function<ResolvedPath, NormalizedNode> data) {
            checkOpen();
            ResolvedPath target = codec.resolve(path);
            ops.add(new Op(type, target, data.apply(target)));
            return this;
        }

        /**
         * Checks the operations against the current content without applying them.
         *
         * @throws YangValidationException if committing now would fail
         */
        public void validate() {
            checkOpen();
            synchronized (commitLock) {
                prepare(ops);
            }
        }

        /**
         * Applies all operations atomically and notifies listeners. A transaction commits once.
         *
         * @throws YangValidationException if the result would violate the schema; nothing is applied
         */
        public void commit() {
            checkOpen();
            done = true;
            ConfigDatastore.this.commit(ops);
        }

        /** Number of operations added so far. */
        public int size() {
            return ops.size();
        }

        private void checkOpen() {
            if (done) {
                throw new IllegalStateException("transaction already committed");
            }
        }
    }

    private void commit(List<Op> ops) {
        List<DatastoreChange> changes;
        synchronized (commitLock) {
            DataTreeCandidate candidate = prepare(ops);
            tree.commit(candidate);
            // Describing the changes costs a path per changed node: only for listeners.
            changes = listeners.isEmpty() ? List.of() : ChangeCollector.collect(candidate, schema.resolver());
            if (!changes.isEmpty()) {
                // Delivered under the commit lock so that listeners see commits in order.
                for (ChangeListener listener : listeners) {
                    try {
                        listener.onChanges(changes);
                    } catch (RuntimeException e) {
                        LOG.warn("Datastore change listener {} failed", listener, e);
                    }
                }
            }
        }
    }

    /** Applies ops to a modification of the current tree and runs every check. Caller holds commitLock. */
    private DataTreeCandidate prepare(List<Op> ops) {
        DataTreeModification mod = tree.takeSnapshot().newModification();
        YangPath current = YangPath.ROOT;
        try {
            for (Op op : ops) {
                current = op.target().path();
                YangInstanceIdentifier id = op.target().identifier();
                switch (op.type()) {
                    case DELETE -> mod.delete(id);
                    case REPLACE -> mod.write(id, op.data());
                    case MERGE -> mod.merge(id, op.data());
                    default -> throw new IllegalStateException(op.type().name());
                }
            }
            current = ops.size() == 1 ? ops.get(0).target().path() : YangPath.ROOT;
            mod.ready();
            tree.validate(mod);
            DataTreeCandidate candidate = tree.prepare(mod);
            validateLeafRefs(candidate);
            return candidate;
        } catch (DataValidationFailedException e) {
            YangPath where = e.getPath() == null ? current : schema.resolver().toPath(e.getPath());
            throw new YangValidationException(where, describe(e), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new YangValidationException(current, describe(e), e);
        }
    }

    /**
     * Checks the leafrefs a commit can break: {@link LeafRefChecker#checkChanges} looks only at
     * the referencing leaves the commit wrote or whose targets it changed, and at referenced
     * values it removed; when a referenced value that a leafref elsewhere may use disappears
     * (say, a component is deleted) or the root is replaced, {@link LeafRefChecker#check} goes
     * over the whole resulting tree once instead. (yangtools' own incremental check fails with an
     * internal error when a list entry that leafrefs point into is deleted, and rescans the tree
     * for the targets of every referencing leaf, which made it the largest cost of small commits.)
     */
    private void validateLeafRefs(DataTreeCandidate candidate) {
        NormalizedNode after = candidate.getRootNode().dataAfter();
        if (after == null) {
            return;
        }
        LeafRefChecker checker = schema.leafRefChecker();
        Optional<List<LeafRefChecker.Problem>> changed = incrementalLeafRefs
                ? checker.checkChanges(candidate.getRootNode(), kind == Kind.CONFIGURATION) : Optional.empty();
        List<LeafRefChecker.Problem> problems;
        if (changed.isPresent()) {
            problems = changed.get();
        } else {
            fullLeafRefPasses++;
            problems = checker.check(after);
        }
        if (!problems.isEmpty()) {
            throw new YangValidationException(problems.get(0).path(),
                    String.join("; ", problems.stream().map(LeafRefChecker.Problem::text).toList()));
        }
    }

    /** Makes every commit check all leafrefs of the resulting tree (tests compare both ways). */
    void checkAllLeafRefsOnEveryCommit() {
        synchronized (commitLock) {
            incrementalLeafRefs = false;
        }
    }

    /** How many commits (or validations) so far needed a leafref pass over the whole tree. */
    long fullLeafRefPasses() {
        synchronized (commitLock) {
            return fullLeafRefPasses;
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(ErrorMessages.explainUnique(ErrorMessages.simplify(e.getMessage())));
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            String more = ErrorMessages.simplify(t.getMessage());
            if (!more.isEmpty() && !sb.toString().contains(more)) {
                sb.append(": ").append(more);
            }
        }
        return sb.toString();
    }
}
