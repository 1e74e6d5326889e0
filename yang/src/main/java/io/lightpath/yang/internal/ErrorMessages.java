package io.lightpath.yang.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes yangtools error texts readable: qualified names like
 * {@code (http://openconfig.net/yang/platform?revision=2025-07-15)component} become
 * {@code component}.
 */
public final class ErrorMessages {
    private static final Pattern QNAME = Pattern.compile("\\(([^()\\s?]+)(\\?revision=[0-9-]+)?\\)([A-Za-z_][\\w.-]*)");
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
}
