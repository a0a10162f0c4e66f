package com.gridcare.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives the tests their own copy of rules/ (under target/, as {@code gridcare.rules.dir} says), made
 * fresh once per test JVM before the first application context starts, so that tests which publish,
 * roll back or drop files into the watched folder never touch the project's rules/.
 */
public class TestRulesFolder implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static boolean done;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var configured = context.getEnvironment().getProperty("gridcare.rules.dir", "");
        if (!configured.startsWith("target/")) return;
        synchronized (TestRulesFolder.class) {
            if (done) return;
            copy(Path.of("rules"), Path.of(configured));
            done = true;
        }
    }

    /** Replaces {@code target} with a copy of {@code source}. */
    public static void copy(Path source, Path target) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    for (var p : (Iterable<Path>) old.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
                }
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (var p : (Iterable<Path>) files::iterator) {
                    var to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
        }
    }
}
