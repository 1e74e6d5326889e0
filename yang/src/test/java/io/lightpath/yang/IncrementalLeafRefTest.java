package io.lightpath.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The incremental leafref check (only what a commit touched) against the whole-tree one: random
 * transactions must be accepted or rejected alike, and deletes that no leafref elsewhere can
 * depend on must not fall back to a whole-tree pass.
 */
class IncrementalLeafRefTest {
    private static final String[] COMPONENTS = {"port-1", "port-2", "och-1", "och-2", "add-1", "line-1", "nope"};

    private static ConfigDatastore store(String root, boolean incremental) {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        if (!incremental) {
            ds.checkAllLeafRefsOnEveryCommit();
        }
        ds.newTransaction().replace(YangPath.ROOT, root).commit();
        return ds;
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static int pick(Random random, int... options) {
        return options[random.nextInt(options.length)];
    }

    /** One random operation on a transponder or ROADM configuration, some of which break leafrefs. */
    private static Consumer<ConfigDatastore.Transaction> randomOp(Random random) {
        String c = pick(random, COMPONENTS);
        int index = 1 + random.nextInt(3);
        int lc = 100 + random.nextInt(2);
        int otherLc = 100 + random.nextInt(2);
        String other = pick(random, COMPONENTS);
        int parent = pick(random, 1, 2, 3, 7);
        return switch (random.nextInt(14)) {
            case 0 -> tx -> tx.replace(YangPath.parse("/components/component[name=" + c + "]"),
                    "{\"config\": {\"name\": \"" + c + "\"}}");
            case 1 -> tx -> tx.delete(YangPath.parse("/components/component[name=" + c + "]"));
            case 2 -> tx -> tx.merge(YangPath.parse("/components/component[name=och-1]/optical-channel/config"),
                    "{\"line-port\": \"" + c + "\"}");
            case 3 -> tx -> tx.merge(YangPath.parse("/terminal-device/logical-channels/channel[index=" + lc
                    + "]/logical-channel-assignments/assignment[index=" + index + "]"),
                    "{\"config\": {\"index\": " + index + ", \"assignment-type\": \"OPTICAL_CHANNEL\","
                            + " \"optical-channel\": \"" + c + "\", \"allocation\": \"400.000\"}}");
            case 4 -> tx -> tx.delete(YangPath.parse("/terminal-device/logical-channels/channel[index=" + lc + "]"));
            case 5 -> tx -> tx.replace(YangPath.parse("/terminal-device/logical-channels/channel[index=" + lc
                    + "]/config"), "{\"index\": " + otherLc + "}");
            case 6 -> tx -> tx.merge(YangPath.parse("/wavelength-router/media-channels/channel[index=" + index + "]"),
                    "{\"config\": {\"index\": " + index + ", \"lower-frequency\": \"19307500" + index
                            + "\", \"upper-frequency\": \"19312500" + index + "\"},"
                            + " \"source\": {\"config\": {\"port-name\": \"" + c + "\"}},"
                            + " \"dest\": {\"config\": {\"port-name\": \"" + other + "\"}}}");
            case 7 -> tx -> tx.delete(YangPath.parse("/wavelength-router/media-channels/channel[index=" + index + "]"));
            case 8 -> tx -> tx.replace(YangPath.parse("/wavelength-router/media-channels/channel[index=7]/dest"),
                    "{\"config\": {\"port-name\": \"" + c + "\"}}");
            case 9 -> tx -> tx.delete(YangPath.parse("/components/component[name=" + c + "]/config"));
            case 10 -> tx -> tx.replace(YangPath.parse("/components"),
                    "{\"component\": [{\"name\": \"" + c + "\", \"config\": {\"name\": \"" + c + "\"}}]}");
            case 11 -> tx -> tx.delete(YangPath.parse("/wavelength-router/media-channels"));
            // A leafref between media channels: deleting the parent channel must be caught.
            case 12 -> tx -> tx.merge(YangPath.parse("/wavelength-router/media-channels/channel[index=" + index
                    + "]/config"), "{\"index\": " + index + ", \"super-channel-parent\": " + parent + "}");
            default -> tx -> tx.replace(YangPath.parse("/components/component[name=" + c + "]/config"),
                    "{\"name\": \"" + other + "\"}");
        };
    }

    private static boolean apply(ConfigDatastore ds, List<Consumer<ConfigDatastore.Transaction>> ops) {
        try {
            ConfigDatastore.Transaction tx = ds.newTransaction();
            ops.forEach(op -> op.accept(tx));
            tx.commit();
            return true;
        } catch (YangValidationException e) {
            return false;
        }
    }

    @Test
    void randomTransactionsAreJudgedAsByTheWholeTreeCheck() {
        for (String root : List.of(Payloads.TRANSPONDER_ROOT, Payloads.ROADM_ROOT)) {
            Random random = new Random(root.length());
            ConfigDatastore incremental = store(root, true);
            ConfigDatastore full = store(root, false);
            int accepted = 0;
            int rejected = 0;
            for (int i = 0; i < 400; i++) {
                List<Consumer<ConfigDatastore.Transaction>> ops = new ArrayList<>();
                int n = 1 + random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    ops.add(randomOp(random));
                }
                boolean expected = apply(full, ops);
                assertEquals(expected, apply(incremental, ops), "transaction " + i);
                assertEquals(full.read(YangPath.ROOT), incremental.read(YangPath.ROOT), "after transaction " + i);
                if (expected) {
                    accepted++;
                } else {
                    rejected++;
                }
                if (i % 50 == 49) {
                    // Start over now and then, so that the references do not all die out.
                    incremental.restore(store(root, true).snapshot());
                    full.restore(store(root, true).snapshot());
                }
            }
            assertTrue(accepted > 50 && rejected > 50, accepted + " accepted, " + rejected + " rejected");
        }
    }

    @Test
    void deletingAMediaChannelNeedsNoWholeTreePass() {
        ConfigDatastore ds = store(Payloads.ROADM_ROOT, true);
        long before = ds.fullLeafRefPasses();
        ds.newTransaction().merge(YangPath.parse("/wavelength-router/media-channels/channel[index=8]"),
                "{\"config\": {\"index\": 8}, \"source\": {\"config\": {\"port-name\": \"add-1\"}}}").commit();
        ds.newTransaction().delete(YangPath.parse("/wavelength-router/media-channels/channel[index=7]")).commit();
        assertEquals(before, ds.fullLeafRefPasses());
        // A referenced component is another matter: its deletion is checked over the whole tree.
        YangValidationException e = assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .delete(YangPath.parse("/components/component[name=add-1]")).commit());
        assertTrue(e.getMessage().contains("'add-1'"), e.getMessage());
        assertEquals(before + 1, ds.fullLeafRefPasses());
    }

    @Test
    void deletingAChannelThatAnotherNamesAsItsParentFails() {
        ConfigDatastore ds = store(Payloads.ROADM_ROOT, true);
        ds.newTransaction().merge(YangPath.parse("/wavelength-router/media-channels/channel[index=8]"),
                "{\"config\": {\"index\": 8, \"super-channel-parent\": 7}}").commit();
        YangValidationException e = assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .delete(YangPath.parse("/wavelength-router/media-channels/channel[index=7]")).commit());
        assertTrue(e.getMessage().contains("super-channel-parent = '7'"), e.getMessage());
        ds.newTransaction().delete(YangPath.parse("/wavelength-router/media-channels/channel[index=8]"))
                .delete(YangPath.parse("/wavelength-router/media-channels/channel[index=7]")).commit();
    }

    @Test
    void incrementalCheckRejectsADanglingReferenceAndAMismatchedKey() {
        ConfigDatastore ds = store(Payloads.ROADM_ROOT, true);
        long before = ds.fullLeafRefPasses();
        YangValidationException e = assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .merge(YangPath.parse("/wavelength-router/media-channels/channel[index=7]/dest/config"),
                        "{\"port-name\": \"line-9\"}").commit());
        assertTrue(e.getMessage().contains("'line-9'") && e.getMessage().contains("port-name"), e.getMessage());
        assertEquals("/openconfig-wavelength-router:wavelength-router/media-channels/channel[index=7]/dest/config"
                + "/port-name", e.path().toString());
        e = assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .merge(YangPath.parse("/wavelength-router/media-channels/channel[index=7]/config"), "{\"index\": 8}")
                .commit());
        assertTrue(e.getMessage().contains("does not match ../config/index"), e.getMessage());
        assertEquals(before, ds.fullLeafRefPasses());
    }
}
