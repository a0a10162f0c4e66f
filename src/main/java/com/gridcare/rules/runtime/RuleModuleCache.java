package com.gridcare.rules.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule packages kept by the hash of everything they are compiled from, so that an
 * unchanged rule package starts without compiling. A cached module is only ever found under the
 * hash of its sources, the Drools version and GridCare's fact classes; anything unreadable is
 * compiled again.
 */
public interface RuleModuleCache {

    Optional<byte[]> get(String key);

    void put(String key, byte[] module);

    static RuleModuleCache none() {
        return new RuleModuleCache() {
            @Override
            public Optional<byte[]> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, byte[] module) {
            }
        };
    }

    /** A cache in a directory; blank means no cache. */
    static RuleModuleCache in(String directory) {
        return directory == null || directory.isBlank() ? none() : new Directory(Path.of(directory));
    }

    final class Directory implements RuleModuleCache {

        private static final Logger log = LoggerFactory.getLogger(RuleModuleCache.class);

        private final Path directory;

        Directory(Path directory) {
            this.directory = directory;
        }

        @Override
        public Optional<byte[]> get(String key) {
            var file = directory.resolve(key + ".jar");
            try {
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            } catch (IOException e) {
                log.warn("compiled rules cache unreadable at {}: {}", file, e.getMessage());
                return Optional.empty();
            }
        }

        @Override
        public void put(String key, byte[] module) {
            try {
                Files.createDirectories(directory);
                var temp = Files.createTempFile(directory, key, ".tmp");
                Files.write(temp, module);
                Files.move(temp, directory.resolve(key + ".jar"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                log.warn("compiled rules not cached in {}: {}", directory, e.getMessage());
            }
        }
    }
}
