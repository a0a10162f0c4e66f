package com.gridcare.rules.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a published rule version into {@code rules/} so that a crash at any moment leaves the old
 * version or the new one on disk, never a mix: the new files (and the list of files to delete) are
 * first written to a staging folder, which becomes the journal {@code .publishing} by one atomic rename
 * (the commit point); then the files are moved into place and the journal removed. At start-up,
 * {@link #recover} finishes a committed journal and throws away an uncommitted staging folder. Dot
 * folders are never read as rule sources.
 */
final class PublishJournal {

    private static final Logger log = LoggerFactory.getLogger(PublishJournal.class);
    static final String JOURNAL = ".publishing";
    private static final String STAGING_PREFIX = ".publishing-staging-";
    private static final String FILES = "files";
    private static final String DELETE = "delete.txt";

    /** Called between the steps of a publish; a test makes it throw to simulate a crash there. */
    interface Step {
        Step NONE = name -> {};

        void reached(String name);
    }

    private PublishJournal() {}

    /** Writes {@code files} (paths relative to root) into root and deletes {@code delete}, all or nothing. */
    static void apply(Path root, Map<String, byte[]> files, Set<String> delete, Step step) {
        try {
            recover(root);
            var staging = root.resolve(STAGING_PREFIX + UUID.randomUUID());
            for (var file : files.entrySet()) {
                var target = inside(staging.resolve(FILES), file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
                step.reached("staged " + file.getKey());
            }
            Files.createDirectories(staging.resolve(FILES));
            Files.write(staging.resolve(DELETE), String.join("\n", delete).getBytes(StandardCharsets.UTF_8));
            Files.move(staging, root.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE);
            step.reached("committed");
            rollForward(root, step);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the published rules into " + root, e);
        }
    }

    /** Finishes or discards what a crashed publish left in root; nothing to do after a clean one. */
    static void recover(Path root) {
        try {
            if (!Files.isDirectory(root)) return;
            try (Stream<Path> entries = Files.list(root)) {
                for (var staging : entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                    log.warn("rules: discarding {} left by a publish that stopped before it was committed; the version "
                            + "before it stays live", staging.getFileName());
                    deleteTree(staging);
                }
            }
            if (Files.isDirectory(root.resolve(JOURNAL))) {
                log.warn("rules: finishing a publish that stopped after it was committed");
                rollForward(root, Step.NONE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the rules folder " + root, e);
        }
    }

    private static void rollForward(Path root, Step step) throws IOException {
        var journal = root.resolve(JOURNAL);
        var staged = journal.resolve(FILES);
        var moves = new ArrayList<Path>();
        try (Stream<Path> paths = Files.walk(staged)) {
            paths.filter(Files::isRegularFile).forEach(moves::add);
        }
        for (var source : moves) {
            var relative = staged.relativize(source).toString().replace('\\', '/');
            var target = inside(root, relative);
            Files.createDirectories(target.getParent());
            // a rename within one file system: the file is the old or the new one, and a repeat finds it moved
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            step.reached("moved " + relative);
        }
        for (var relative : Files.readString(journal.resolve(DELETE)).lines().filter(l -> !l.isBlank()).toList()) {
            Files.deleteIfExists(inside(root, relative));
        }
        deleteTree(journal);
    }

    private static Path inside(Path root, String relative) {
        var target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("path outside rules/: " + relative);
        }
        return target;
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (var p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static List<String> leftovers(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(JOURNAL)).sorted().toList();
        }
    }
}
