package io.lightpath.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ConfigDatastoreTest {
    private static final YangPath OCH_CONFIG = YangPath.parse("/components/component[name=och-1]/optical-channel/config");

    private static ConfigDatastore transponder() {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        ds.newTransaction().replace(YangPath.ROOT, Payloads.TRANSPONDER_ROOT).commit();
        return ds;
    }

    @Test
    void committedDataCanBeReadAtAnyDepth() {
        ConfigDatastore ds = transponder();
        assertEquals(JsonParser.parseString(Payloads.OCH_CONFIG), JsonParser.parseString(ds.read(OCH_CONFIG).orElseThrow()));
        assertEquals("\"193100000\"", ds.read(OCH_CONFIG.child("frequency")).orElseThrow());
        assertTrue(ds.read(YangPath.parse("/components/component[name=och-9]")).isEmpty());
        assertEquals("{}", new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION)
                .read(YangPath.ROOT).orElseThrow());
    }

    @Test
    void mergeKeepsSiblingsAndReplaceRemovesThem() {
        ConfigDatastore ds = transponder();
        ds.newTransaction().merge(OCH_CONFIG, "{\"frequency\": \"192000000\"}").commit();
        assertEquals("\"1.5\"", ds.read(OCH_CONFIG.child("target-output-power")).orElseThrow());
        assertEquals("\"192000000\"", ds.read(OCH_CONFIG.child("frequency")).orElseThrow());
        ds.newTransaction().replace(OCH_CONFIG, "{\"frequency\": \"191000000\"}").commit();
        assertTrue(ds.read(OCH_CONFIG.child("target-output-power")).isEmpty());
    }

    @Test
    void danglingLeafrefFailsAndLeavesStoreUnchanged() {
        ConfigDatastore ds = transponder();
        String before = ds.read(YangPath.ROOT).orElseThrow();
        ConfigDatastore.Snapshot snapshot = ds.snapshot();
        YangValidationException e = assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .merge(OCH_CONFIG, "{\"frequency\": \"192000000\"}")
                .merge(OCH_CONFIG, "{\"line-port\": \"port-9\"}")
                .commit());
        assertTrue(e.getMessage().contains("port-9"), e.getMessage());
        assertTrue(e.getMessage().contains("line-port"), e.getMessage());
        assertEquals(before, ds.read(YangPath.ROOT).orElseThrow());
        assertEquals(snapshot, ds.snapshot());
    }

    @Test
    void deletingAReferencedComponentFails() {
        ConfigDatastore ds = transponder();
        YangValidationException e = assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .delete(YangPath.parse("/components/component[name=port-1]")).commit());
        assertTrue(e.getMessage().contains("port-1"), e.getMessage());
        assertTrue(ds.exists(YangPath.parse("/components/component[name=port-1]")));
    }

    @Test
    void listKeyLeafMustMatchItsConfigLeaf() {
        ConfigDatastore ds = transponder();
        assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .replace(YangPath.parse("/components/component[name=och-2]"), "{\"config\": {\"name\": \"other\"}}")
                .commit());
    }

    @Test
    void mandatoryLeafIsEnforced() {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        ds.newTransaction().replace(YangPath.ROOT, Payloads.OCS_ROOT).commit();
        YangValidationException e = assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .replace(YangPath.parse("/optical-switch/cross-connects/cross-connect[input-port=2]"),
                        "{\"config\": {\"input-port\": \"2\"}}")
                .commit());
        assertTrue(e.getMessage().contains("output-port"), e.getMessage());
        assertFalse(ds.exists(YangPath.parse("/optical-switch/cross-connects/cross-connect[input-port=2]")));
    }

    @Test
    void anOutputPortIsUsedAtMostOnce() {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        ds.newTransaction().replace(YangPath.ROOT, Payloads.OCS_ROOT).commit();
        YangValidationException e = assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .replace(YangPath.parse("/optical-switch/cross-connects/cross-connect[input-port=2]"),
                        "{\"config\": {\"input-port\": \"2\", \"output-port\": \"3\"}}")
                .commit());
        assertTrue(e.getMessage().endsWith("config/output-port = 3 is already used by cross-connect[input-port=1] (unique)"),
                e.getMessage());
        ds.newTransaction()
                .replace(YangPath.parse("/optical-switch/cross-connects/cross-connect[input-port=2]"),
                        "{\"config\": {\"input-port\": \"2\", \"output-port\": \"4\"}}")
                .commit();
    }

    @Test
    void bulkReconfigurationIsAllOrNothing() {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        ds.newTransaction().replace(YangPath.ROOT, Payloads.OCS_ROOT).commit();
        String before = ds.read(YangPath.ROOT).orElseThrow();
        YangPath xcs = YangPath.parse("/optical-switch/cross-connects");
        // Second change points at a port that does not exist: the first must not survive either.
        assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .replace(xcs.child(YangPath.Element.of("cross-connect", "input-port", "2")),
                        "{\"config\": {\"input-port\": \"2\", \"output-port\": \"4\"}}")
                .replace(xcs.child(YangPath.Element.of("cross-connect", "input-port", "3")),
                        "{\"config\": {\"input-port\": \"3\", \"output-port\": \"99\"}}")
                .commit());
        assertEquals(before, ds.read(YangPath.ROOT).orElseThrow());
    }

    @Test
    void configurationStoreRejectsStateButOperationalStoreHoldsIt() {
        YangPath state = YangPath.parse("/optical-switch/state");
        String json = "{\"switching-time\": 25000}";
        ConfigDatastore config = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        YangValidationException e = assertThrows(YangValidationException.class,
                () -> config.newTransaction().replace(state, json).commit());
        assertEquals(state, e.path());
        ConfigDatastore operational = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.OPERATIONAL);
        operational.newTransaction().replace(state, json).commit();
        assertEquals("25000", operational.read(state.child("switching-time")).orElseThrow());
    }

    @Test
    void restoreIsByteIdentical() {
        ConfigDatastore ds = transponder();
        String before = ds.read(YangPath.ROOT).orElseThrow();
        ConfigDatastore.Snapshot snapshot = ds.snapshot();
        ds.newTransaction()
                .merge(OCH_CONFIG, "{\"frequency\": \"192000000\", \"target-output-power\": \"-2.0\"}")
                .delete(YangPath.parse("/terminal-device/logical-channels"))
                .commit();
        assertFalse(before.equals(ds.read(YangPath.ROOT).orElseThrow()));
        ds.restore(snapshot);
        assertEquals(before, ds.read(YangPath.ROOT).orElseThrow());
        assertEquals(snapshot, ds.snapshot());
    }

    @Test
    void listenersSeeLeafLevelUpdatesAndSubtreeCreatesAndDeletes() throws Exception {
        ConfigDatastore ds = transponder();
        List<List<DatastoreChange>> seen = new CopyOnWriteArrayList<>();
        AutoCloseable registration = ds.addListener(seen::add);
        ds.newTransaction().merge(OCH_CONFIG, "{\"frequency\": \"192000000\", \"line-port\": \"port-1\"}").commit();
        assertEquals(List.of(new DatastoreChange(
                YangPath.parse("/openconfig-platform:components/component[name=och-1]"
                        + "/openconfig-terminal-device:optical-channel/config/frequency"),
                DatastoreChange.Kind.UPDATED)), seen.get(0));

        ds.newTransaction().replace(YangPath.parse("/components/component[name=port-2]"),
                "{\"config\": {\"name\": \"port-2\"}}").commit();
        assertEquals(DatastoreChange.Kind.CREATED, seen.get(1).get(0).kind());
        assertEquals("/openconfig-platform:components/component[name=port-2]", seen.get(1).get(0).path().toString());

        ds.newTransaction().delete(YangPath.parse("/components/component[name=port-2]")).commit();
        assertEquals(List.of(new DatastoreChange(YangPath.parse(
                "/openconfig-platform:components/component[name=port-2]"), DatastoreChange.Kind.DELETED)),
                seen.get(2));

        // No-op write: no event.
        ds.newTransaction().merge(OCH_CONFIG, "{\"frequency\": \"192000000\"}").commit();
        assertEquals(3, seen.size());
        registration.close();
        ds.newTransaction().merge(OCH_CONFIG, "{\"frequency\": \"191000000\"}").commit();
        assertEquals(3, seen.size(), "closed registration gets nothing");
    }

    @Test
    void failedCommitNotifiesNobody() {
        ConfigDatastore ds = transponder();
        List<List<DatastoreChange>> seen = new ArrayList<>();
        ds.addListener(seen::add);
        assertThrows(YangValidationException.class,
                () -> ds.newTransaction().merge(OCH_CONFIG, "{\"line-port\": \"nope\"}").commit());
        assertTrue(seen.isEmpty());
    }

    @Test
    void transactionCommitsOnce() {
        ConfigDatastore ds = transponder();
        ConfigDatastore.Transaction tx = ds.newTransaction().merge(OCH_CONFIG, "{\"frequency\": \"192000000\"}");
        tx.commit();
        assertThrows(IllegalStateException.class, tx::commit);
    }

    @Test
    void validateChecksWithoutApplying() {
        ConfigDatastore ds = transponder();
        ConfigDatastore.Transaction ok = ds.newTransaction().merge(OCH_CONFIG, "{\"frequency\": \"192000000\"}");
        ok.validate();
        assertEquals("\"193100000\"", ds.read(OCH_CONFIG.child("frequency")).orElseThrow());
        ConfigDatastore.Transaction bad = ds.newTransaction().merge(OCH_CONFIG, "{\"line-port\": \"nope\"}");
        assertThrows(YangValidationException.class, bad::validate);
    }

    @Test
    void aFailingListenerDoesNotUndoTheCommitOrStarveOthers() {
        ConfigDatastore ds = transponder();
        List<List<DatastoreChange>> seen = new ArrayList<>();
        ds.addListener(changes -> {
            throw new IllegalStateException("listener bug");
        });
        ds.addListener(seen::add);
        ds.newTransaction().merge(OCH_CONFIG, "{\"frequency\": \"192000000\"}").commit();
        assertEquals("\"192000000\"", ds.read(OCH_CONFIG.child("frequency")).orElseThrow());
        assertEquals(1, seen.size());
    }

    @Test
    void restoreIntoAnotherDatastoreCopiesContent() {
        ConfigDatastore source = transponder();
        ConfigDatastore copy = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        copy.restore(source.snapshot());
        assertEquals(source.read(YangPath.ROOT), copy.read(YangPath.ROOT));
        copy.newTransaction().delete(YangPath.ROOT).commit();
        assertEquals("{}", copy.read(YangPath.ROOT).orElseThrow());
        assertTrue(source.exists(OCH_CONFIG));
    }

    @Test
    void reconfigurationChangesUseEachOutputOnceAndMayDisconnect() {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        ds.newTransaction().replace(YangPath.ROOT, Payloads.OCS_ROOT).commit();
        YangPath reconfiguration = YangPath.parse("/optical-switch/reconfigurations/reconfiguration[id=17]");
        ds.newTransaction().replace(reconfiguration, """
                {"config": {"id": "17"}, "changes": {"change": [
                  {"input-port": "1", "config": {"input-port": "1"}},
                  {"input-port": "2", "config": {"input-port": "2", "output-port": "3"}}]}}
                """).commit();
        assertTrue(ds.exists(reconfiguration.child("changes")));
        YangValidationException e = assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .replace(YangPath.parse("/optical-switch/reconfigurations/reconfiguration[id=18]"), """
                        {"config": {"id": "18"}, "changes": {"change": [
                          {"input-port": "1", "config": {"input-port": "1", "output-port": "4"}},
                          {"input-port": "2", "config": {"input-port": "2", "output-port": "4"}}]}}
                        """).commit());
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("unique")
                || e.getMessage().contains("output-port"), e.getMessage());
    }

    @Test
    void wholeListsAreReadAndReplacedAsArrays() {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        YangPath ports = YangPath.parse("/optical-switch/ports/port");
        ds.newTransaction().replace(ports, """
                [{"name": "a", "config": {"name": "a"}}, {"name": "b", "config": {"name": "b"}}]
                """).commit();
        assertEquals(2, JsonParser.parseString(ds.read(ports).orElseThrow()).getAsJsonArray().size());
        ds.newTransaction().replace(ports, "[{\"name\": \"c\", \"config\": {\"name\": \"c\"}}]").commit();
        assertFalse(ds.exists(YangPath.parse("/optical-switch/ports/port[name=a]")));
        assertTrue(ds.exists(YangPath.parse("/optical-switch/ports/port[name=c]")));
        assertThrows(YangValidationException.class, () -> ds.newTransaction().replace(ports, "{}"));
    }

    @Test
    void wholeTreeReplaceChecksEveryLeafrefAndNamesTheDanglingOne() {
        ConfigDatastore ds = transponder();
        String before = ds.read(YangPath.ROOT).orElseThrow();
        String broken = Payloads.TRANSPONDER_ROOT.replace("\"optical-channel\": \"och-1\"", "\"optical-channel\": \"och-7\"");
        YangValidationException e = assertThrows(YangValidationException.class,
                () -> ds.newTransaction().replace(YangPath.ROOT, broken).commit());
        assertEquals("/openconfig-terminal-device:terminal-device/logical-channels/channel[index=100]"
                + "/logical-channel-assignments/assignment[index=1]/config/optical-channel", e.path().toString());
        assertTrue(e.getMessage().contains("'och-7'") && e.getMessage().contains("/components/component/name"),
                e.getMessage());
        assertEquals(before, ds.read(YangPath.ROOT).orElseThrow());
        // The same tree without the dangling reference is accepted, and dropping the referenced
        // component while keeping the reference is not.
        ds.newTransaction().replace(YangPath.ROOT, Payloads.TRANSPONDER_ROOT).commit();
        assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .delete(YangPath.parse("/components/component[name=och-1]")).commit());
    }

    @Test
    void keyLeafMustMirrorItsOwnConfigLeafEvenInAWholeTreeReplace() {
        ConfigDatastore ds = new ConfigDatastore(YangSchema.bundled(), ConfigDatastore.Kind.CONFIGURATION);
        // Each key names the other entry's config/name: every value exists somewhere, but not in its own entry.
        YangValidationException e = assertThrows(YangValidationException.class, () -> ds.newTransaction()
                .replace(YangPath.ROOT, """
                        {"openconfig-platform:components": {"component": [
                          {"name": "x", "config": {"name": "y"}}, {"name": "y", "config": {"name": "x"}}]}}
                        """).commit());
        assertTrue(e.getMessage().contains("does not match ../config/name"), e.getMessage());
        assertEquals("{}", ds.read(YangPath.ROOT).orElseThrow());
    }
}
