package com.gridcare.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One of the folders that designers and analysts own: {@code processes/}, {@code forms/},
 * {@code rules/}. In a checkout the folder on disk is read (and can be watched); in the packaged
 * jar the same folder is read from the class path, where the build put it unchanged.
 */
public final class SourceFolder {

    private final String name;
    private final Path directory;

    private SourceFolder(String name, Path directory) {
        this.name = name;
        this.directory = directory;
    }

    /**
     * @param name the folder's name at the top of the project and of the class path
     * @param configuredDirectory a directory to read instead, or blank for {@code ./name} when it exists
     */
    public static SourceFolder of(String name, String configuredDirectory) {
        var dir = configuredDirectory == null || configuredDirectory.isBlank()
                ? Path.of(name) : Path.of(configuredDirectory);
        return new SourceFolder(name, Files.isDirectory(dir) ? dir.toAbsolutePath().normalize() : null);
    }

    public String name() {
        return name;
    }

    /** The folder on disk, when GridCare runs from a checkout; empty inside the packaged jar. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    public String describe() {
        return directory != null ? directory.toString() : "classpath:" + name + "/";
    }

    /** Every file whose path relative to the folder (with '/') passes the filter, in path order. */
    public Map<String, byte[]> read(Predicate<String> filter) {
        var files = new TreeMap<String, byte[]>();
        try {
            if (directory != null) {
                try (Stream<Path> paths = Files.walk(directory)) {
                    for (var path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                        var relative = directory.relativize(path).toString().replace('\\', '/');
                        if (!hidden(relative) && filter.test(relative)) {
                            files.put(relative, Files.readAllBytes(path));
                        }
                    }
                }
            } else {
                var resolver = new PathMatchingResourcePatternResolver(SourceFolder.class.getClassLoader());
                for (Resource resource : resolver.getResources("classpath*:" + name + "/**/*")) {
                    if (!resource.isReadable()) continue;
                    var url = resource.getURL().toString();
                    int at = url.lastIndexOf("/" + name + "/");
                    if (at < 0) continue;
                    var relative = url.substring(at + name.length() + 2);
                    if (!relative.isEmpty() && !relative.endsWith("/") && !hidden(relative) && filter.test(relative)) {
                        try (var in = resource.getInputStream()) {
                            files.put(relative, in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + describe(), e);
        }
        return files;
    }

    /** Office lock files (~$x.xlsx, .~lock.x#), dot files and what is in dot folders (a publish's journal) are never sources. */
    private static boolean hidden(String relative) {
        var fileName = relative.substring(relative.lastIndexOf('/') + 1);
        return fileName.startsWith(".") || fileName.startsWith("~") || relative.startsWith(".") || relative.contains("/.");
    }

    /** A cheap fingerprint of the folder on disk (paths, sizes, modification times), to notice edits. */
    public String fingerprint() {
        if (directory == null) return "";
        var sb = new StringBuilder();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.filter(Files::isRegularFile).sorted().forEach(p -> {
                try {
                    sb.append(p).append(':').append(Files.size(p)).append(':')
                            .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
                } catch (IOException e) {
                    sb.append(p).append(":gone\n");
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return "unreadable";
        }
        return sb.toString();
    }
}
