package com.gridcare.rules.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.deployment.SourceFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash in the middle of writing a published rule version to rules/: the folder read at the next
 * start is the old version or the new one, never a mix. The crash is simulated by throwing at each step.
 */
class PublishJournalTest {

    @TempDir
    Path root;

    private static final class Crash extends RuntimeException {
        Crash(String at) {
            super("crashed at " + at);
        }
    }

    private static PublishJournal.Step crashAt(String step) {
        return name -> {
            if (name.equals(step)) throw new Crash(name);
        };
    }

    @BeforeEach
    void oldVersion() throws IOException {
        Files.createDirectories(root.resolve("customer"));
        Files.writeString(root.resolve("customer/tier.drl.xlsx"), "old tier");
        Files.writeString(root.resolve("customer/flags.drl.xlsx"), "old flags");
        Files.writeString(root.resolve("sla.drl.xlsx"), "old sla");
    }

    private static Map<String, byte[]> newVersion() {
        var files = new TreeMap<String, byte[]>();
        files.put("customer/flags.drl.xlsx", "new flags".getBytes(StandardCharsets.UTF_8));
        files.put("customer/tier.drl.xlsx", "new tier".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private Map<String, String> onDisk() {
        var files = new TreeMap<String, String>();
        SourceFolder.of("rules", root.toString()).read(p -> true)
                .forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
        return files;
    }

    private static final Map<String, String> OLD = Map.of("customer/flags.drl.xlsx", "old flags",
            "customer/tier.drl.xlsx", "old tier", "sla.drl.xlsx", "old sla");
    private static final Map<String, String> NEW = Map.of("customer/flags.drl.xlsx", "new flags",
            "customer/tier.drl.xlsx", "new tier");

    @Test
    void aCrashWhileStagingLeavesTheOldVersion() throws IOException {
        assertThatThrownBy(() -> PublishJournal.apply(root, newVersion(), Set.of("sla.drl.xlsx"),
                crashAt("staged customer/tier.drl.xlsx"))).isInstanceOf(Crash.class);
        assertThat(onDisk()).as("the staging folder is never read as rules").isEqualTo(OLD);

        PublishJournal.recover(root);

        assertThat(onDisk()).isEqualTo(OLD);
        assertThat(PublishJournal.leftovers(root)).isEmpty();
    }

    @Test
    void aCrashBetweenTwoFilesIsFinishedAtTheNextStart() throws IOException {
        assertThatThrownBy(() -> PublishJournal.apply(root, newVersion(), Set.of("sla.drl.xlsx"),
                crashAt("moved customer/flags.drl.xlsx"))).isInstanceOf(Crash.class);
        assertThat(onDisk()).as("a mix, until recovery").containsEntry("customer/flags.drl.xlsx", "new flags")
                .containsEntry("customer/tier.drl.xlsx", "old tier");

        PublishJournal.recover(root);

        assertThat(onDisk()).isEqualTo(NEW);
        assertThat(PublishJournal.leftovers(root)).isEmpty();
    }

    @Test
    void aCrashRightAfterTheCommitPointIsFinishedAtTheNextStart() throws IOException {
        assertThatThrownBy(() -> PublishJournal.apply(root, newVersion(), Set.of("sla.drl.xlsx"),
                crashAt("committed"))).isInstanceOf(Crash.class);

        PublishJournal.recover(root);
        PublishJournal.recover(root);

        assertThat(onDisk()).isEqualTo(NEW);
        assertThat(PublishJournal.leftovers(root)).isEmpty();
    }

    @Test
    void aCrashAtAnyStepLeavesTheOldOrTheNewVersionAfterRecovery() throws IOException {
        var steps = new java.util.ArrayList<String>();
        var clean = Files.createTempDirectory(root.getParent(), "clean");
        Files.writeString(clean.resolve("sla.drl.xlsx"), "old sla");
        PublishJournal.apply(clean, newVersion(), Set.of("sla.drl.xlsx"), steps::add);
        assertThat(steps).hasSize(5);
        for (var step : steps) {
            oldVersion();
            assertThatThrownBy(() -> PublishJournal.apply(root, newVersion(), Set.of("sla.drl.xlsx"), crashAt(step)))
                    .isInstanceOf(Crash.class);
            PublishJournal.recover(root);
            assertThat(onDisk()).as("crash at " + step).isIn(OLD, NEW);
            assertThat(PublishJournal.leftovers(root)).isEmpty();
        }
    }

    @Test
    void aPathOutsideTheFolderIsRefusedBeforeAnythingChanges() {
        assertThatThrownBy(() -> PublishJournal.apply(root, Map.of("../evil.drl.xlsx", new byte[1]), Set.of(),
                PublishJournal.Step.NONE)).isInstanceOf(IllegalArgumentException.class);
        PublishJournal.recover(root);
        assertThat(onDisk()).isEqualTo(OLD);
    }
}
