package io.lightpath.yang.internal;

import io.lightpath.yang.YangPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Makes yangtools error texts readable: qualified names like
 * {@code (http://openconfig.net/yang/platform?revision=2025-07-15)component} become
 * {@code component}, and leafref failures are traced to the instance path of the offending leaf.
 */
public final class ErrorMessages {
    private static final Pattern QNAME = Pattern.compile("\\(([^()\\s?]+)(\\?revision=[0-9-]+)?\\)([A-Za-z_][\\w.-]*)");
    private static final Pattern LEAFREF_DIRECT = Pattern.compile("Invalid leafref value \\[(?<value>[^\\]]*)\\] "
            + "allowed values \\[(?<allowed>[^\\]]*)\\] of LEAFREF node: (?<node>\\S+) leafRef target path: "
            + "Absolute path:(?<target>\\S+)");
    private static final Pattern LEAFREF_VIA_TARGET = Pattern.compile("Invalid leafref value \\[(?<value>[^\\]]*)\\] "
            + "allowed values \\[(?<allowed>[^\\]]*)\\] by validation of leafref TARGET node: \\S+ path of invalid "
            + "LEAFREF node: \\[(?<nodes>[^\\]]*)\\] leafRef target path: Absolute path:(?<target>\\S+)");
    private static final Pattern QNAME_PARTS = Pattern.compile("\\(([^()\\s?]+)(?:\\?revision=([0-9-]+))?\\)(\\S+)");

    private static final Pattern UNIQUE = Pattern.compile("(?<entry>[\\w.-]+)\\[\\{(?<keys>[^}]*)\\}\\] violates "
            + "unique constraint on (?<values>.*) of \\[Descendant\\{qnames=\\[(?<leaves>[^\\]]*)\\]\\}\\]");

    private ErrorMessages() {
    }

    /**
     * Rewrites a yangtools {@code unique} violation ("x[{k=v}] violates unique constraint on 3 of
     * [Descendant{qnames=[config, output-port]}]") as "config/output-port = 3 is already used by
     * x[k=v] (unique)"; other messages are returned unchanged. Expects {@link #simplify}d text.
     */
    public static String explainUnique(String message) {
        Matcher m = UNIQUE.matcher(message);
        if (!m.find()) {
            return message;
        }
        String leaves = String.join("/", m.group("leaves").split(",\\s*"));
        String keys = m.group("keys").replace(", ", "][");
        return leaves + " = " + m.group("values") + " is already used by " + m.group("entry") + "[" + keys
                + "] (unique)";
    }

    /** Replaces qualified yangtools names by their local names and keeps the first line. */
    public static String simplify(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        return QNAME.matcher(firstLine).replaceAll("$3");
    }

    /** One dangling leafref. */
    public record LeafRefProblem(YangPath path, String text) {
    }

    /**
     * Explains a yangtools leafref failure message: for each invalid value, the instance path of
     * the leaf that holds it, what it should point to and which values exist.
     *
     * @return the problems found; empty if the message cannot be understood
     */
    public static List<LeafRefProblem> explainLeafRefs(String message, NormalizedNode root, PathResolver resolver) {
        Map<String, LeafRefProblem> out = new LinkedHashMap<>();
        for (String part : message.split(" -> FAILED")) {
            String value;
            String allowed;
            String node;
            String target;
            Matcher direct = LEAFREF_DIRECT.matcher(part);
            Matcher viaTarget = LEAFREF_VIA_TARGET.matcher(part);
            if (direct.find()) {
                value = direct.group("value");
                allowed = direct.group("allowed");
                node = direct.group("node");
                target = direct.group("target");
            } else if (viaTarget.find()) {
                value = viaTarget.group("value");
                allowed = viaTarget.group("allowed");
                String[] nodes = viaTarget.group("nodes").split(", ");
                node = nodes[nodes.length - 1];
                target = viaTarget.group("target");
            } else {
                continue;
            }
            QName leaf = parseQName(node);
            if (leaf == null) {
                continue;
            }
            List<YangInstanceIdentifier> holders = new ArrayList<>();
            find(root, YangInstanceIdentifier.of(), leaf, value, holders);
            for (YangInstanceIdentifier holder : holders) {
                YangPath path = resolver.toPath(holder);
                out.putIfAbsent(path + "=" + value, new LeafRefProblem(path, "leafref " + leaf.getLocalName() + " = '"
                        + value + "' at " + path + " refers to no existing " + simplify(target) + " (existing: ["
                        + allowed + "])"));
            }
        }
        return List.copyOf(out.values());
    }

    private static QName parseQName(String text) {
        Matcher m = QNAME_PARTS.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return m.group(2) == null ? QName.create(m.group(1), m.group(3)) : QName.create(m.group(1), m.group(2),
                    m.group(3));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void find(NormalizedNode node, YangInstanceIdentifier at, QName leaf, String value,
            List<YangInstanceIdentifier> found) {
        if (node instanceof LeafNode<?> l) {
            if (l.name().getNodeType().equals(leaf) && String.valueOf(l.body()).equals(value)) {
                found.add(at);
            }
        } else if (node instanceof LeafSetEntryNode<?> e) {
            if (e.name().getNodeType().equals(leaf) && String.valueOf(e.body()).equals(value)) {
                found.add(at);
            }
        } else if (node instanceof DistinctNodeContainer<?, ?> container) {
            for (NormalizedNode child : container.body()) {
                find(child, at.node(child.name()), leaf, value, found);
            }
        }
    }
}
