package io.lightpath.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeAwareEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.KeyEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;

/**
 * Checks Lightpath's OpenConfig subsets against the full upstream models in the shared
 * reference folder (skipped when it is absent): every node we define exists upstream with the
 * same kind, keys, config flag and base type; every identity exists with the same bases; and the
 * payloads we write validate against the upstream schema.
 */
class UpstreamCompatibilityTest {
    private static YangSchema upstream;

    @BeforeAll
    static void loadUpstream() {
        Optional<Path> dir = SharedModels.openconfigDirectory();
        upstream = dir.map(YangSchema::fromDirectory).orElse(null);
    }

    @BeforeEach
    void requireUpstream() {
        // Per test rather than per class, so that reports count the tests as skipped.
        assumeTrue(upstream != null, "upstream OpenConfig models not found (set -Dlightpath.shared=<dir>)");
    }

    @Test
    void moduleIdentityMatchesUpstream() {
        for (ModuleInfo ours : YangSchema.bundled().modules()) {
            if (ours.name().startsWith("lightpath-")) {
                continue;
            }
            ModuleInfo theirs = upstream.module(ours.name()).orElseThrow(() -> new AssertionError(ours.name()));
            assertEquals(theirs.namespace(), ours.namespace(), ours.name());
            assertEquals(theirs.prefix(), ours.prefix(), ours.name());
            assertEquals(theirs.revision(), ours.revision(), ours.name());
            assertEquals(theirs.version(), ours.version(), ours.name());
        }
    }

    @Test
    void everyDataNodeWeDefineExistsUpstreamWithTheSameShape() {
        EffectiveModelContext ours = YangSchema.bundled().modelContext();
        EffectiveModelContext theirs = upstream.modelContext();
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        for (Module module : ours.getModules()) {
            if (module.getName().startsWith("lightpath-")) {
                continue;
            }
            for (DataTreeEffectiveStatement<?> top : module.asEffectiveStatement().dataTreeNodes()) {
                compare(top, List.of(top.argument()), theirs, problems, checked);
            }
        }
        // Augmented nodes are reached through the augmented parents above.
        assertTrue(checked[0] > 150, "only " + checked[0] + " nodes compared");
        assertEquals(List.of(), problems);
    }

    private static void compare(DataTreeEffectiveStatement<?> node, List<QName> path, EffectiveModelContext theirs,
            List<String> problems, int[] checked) {
        checked[0]++;
        String where = path.stream().map(QName::getLocalName).collect(Collectors.joining("/", "/", ""));
        Optional<EffectiveStatement<?, ?>> match = theirs.findSchemaTreeNode(SchemaNodeIdentifier.Absolute.of(path))
                .map(s -> (EffectiveStatement<?, ?>) s);
        if (match.isEmpty()) {
            problems.add(where + ": missing upstream");
            return;
        }
        EffectiveStatement<?, ?> other = match.get();
        if (!node.statementDefinition().equals(other.statementDefinition())) {
            problems.add(where + ": kind " + node.statementDefinition() + " vs " + other.statementDefinition());
            return;
        }
        if (node instanceof ListEffectiveStatement list) {
            Object ourKeys = list.findFirstEffectiveSubstatementArgument(KeyEffectiveStatement.class).orElse(null);
            Object theirKeys = ((ListEffectiveStatement) other)
                    .findFirstEffectiveSubstatementArgument(KeyEffectiveStatement.class).orElse(null);
            if (!String.valueOf(ourKeys).equals(String.valueOf(theirKeys))) {
                problems.add(where + ": keys " + ourKeys + " vs " + theirKeys);
            }
        }
        if (node instanceof org.opendaylight.yangtools.yang.model.api.DataSchemaNode ours
                && other instanceof org.opendaylight.yangtools.yang.model.api.DataSchemaNode up
                && !ours.effectiveConfig().equals(up.effectiveConfig())) {
            problems.add(where + ": config " + ours.effectiveConfig() + " vs " + up.effectiveConfig());
        }
        if (node instanceof TypedDataSchemaNode ours && other instanceof TypedDataSchemaNode up) {
            String ourType = builtin(ours.getType());
            String upType = builtin(up.getType());
            if (!ourType.equals(upType)) {
                problems.add(where + ": type " + ourType + " vs " + upType);
            }
            if (baseOf(ours.getType()) instanceof EnumTypeDefinition ourEnum
                    && baseOf(up.getType()) instanceof EnumTypeDefinition upEnum) {
                Set<String> upNames = upEnum.getValues().stream().map(EnumTypeDefinition.EnumPair::getName)
                        .collect(Collectors.toSet());
                ourEnum.getValues().stream().map(EnumTypeDefinition.EnumPair::getName)
                        .filter(n -> !upNames.contains(n))
                        .forEach(n -> problems.add(where + ": enum value " + n + " not upstream"));
            }
        }
        if (node instanceof DataTreeAwareEffectiveStatement<?, ?> container) {
            for (DataTreeEffectiveStatement<?> child : container.dataTreeNodes()) {
                List<QName> childPath = new ArrayList<>(path);
                childPath.add(child.argument());
                compare(child, childPath, theirs, problems, checked);
            }
        }
    }

    private static TypeDefinition<?> baseOf(TypeDefinition<?> type) {
        TypeDefinition<?> t = type;
        while (t.getBaseType() != null) {
            t = t.getBaseType();
        }
        return t;
    }

    private static String builtin(TypeDefinition<?> type) {
        return baseOf(type).getQName().getLocalName();
    }

    @Test
    void everyIdentityWeDefineExistsUpstreamWithTheSameBases() {
        Map<QName, IdentitySchemaNode> theirs = upstream.modelContext().getModules().stream()
                .flatMap(m -> m.getIdentities().stream())
                .collect(Collectors.toMap(IdentitySchemaNode::getQName, i -> i));
        List<String> problems = new ArrayList<>();
        for (Module module : YangSchema.bundled().modelContext().getModules()) {
            for (IdentitySchemaNode identity : module.getIdentities()) {
                IdentitySchemaNode up = theirs.get(identity.getQName());
                if (up == null) {
                    problems.add(identity.getQName() + " missing upstream");
                    continue;
                }
                Set<QName> ourBases = identity.getBaseIdentities().stream().map(IdentitySchemaNode::getQName)
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<QName> upBases = up.getBaseIdentities().stream().map(IdentitySchemaNode::getQName)
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!ourBases.equals(upBases)) {
                    problems.add(identity.getQName() + " bases " + ourBases + " vs " + upBases);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void ourPayloadsValidateAgainstUpstream() {
        for (String payload : List.of(Payloads.TRANSPONDER_ROOT, Payloads.ROADM_ROOT)) {
            ConfigDatastore ds = new ConfigDatastore(upstream, ConfigDatastore.Kind.CONFIGURATION);
            ds.newTransaction().replace(YangPath.ROOT, payload).commit();
            ConfigDatastore ours = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
            ours.newTransaction().replace(YangPath.ROOT, payload).commit();
            assertEquals(JsonParser.parseString(ours.read(YangPath.ROOT).orElseThrow()),
                    JsonParser.parseString(ds.read(YangPath.ROOT).orElseThrow()));
        }
    }

    @Test
    void valuesEncodedWithOurSchemaDecodeUpstreamAtTheSamePath() {
        JsonIetfCodec ours = new JsonIetfCodec(YangSchema.bundled());
        JsonIetfCodec theirs = new JsonIetfCodec(upstream);
        YangPath och = YangPath.parse("/components/component[name=och-1]/optical-channel/config");
        String json = ours.canonicalize(och, Payloads.OCH_CONFIG);
        assertEquals(JsonParser.parseString(json), JsonParser.parseString(theirs.canonicalize(och, json)));
        YangPath media = YangPath.parse("/wavelength-router/media-channels/channel[index=7]/config");
        String mediaJson = ours.canonicalize(media, """
                {"index": 7, "lower-frequency": "193075000", "upper-frequency": "193125000", "admin-status": "ENABLED"}
                """);
        assertEquals(JsonParser.parseString(mediaJson), JsonParser.parseString(theirs.canonicalize(media, mediaJson)));
    }
}
