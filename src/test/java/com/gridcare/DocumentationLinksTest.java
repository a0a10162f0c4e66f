package com.gridcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: every relative link in the README and {@code docs/} leads to a file
 * of the repository (as a Git host renders them), and no text names a document that lives outside it.
 */
class DocumentationLinksTest {

    /** {@code [text](target)} and {@code ![alt](target)}; the target up to a space or the closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    /** Documents that were never in the repository; spelt in two pieces so this file does not name them. */
    private static final List<String> OUTSIDE = List.of("PRODUCT" + ".md", "HARDENING" + ".md", "ENGINEERING" + ".md",
            "../" + "shared/");
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules", "target", "data");

    static List<String> brokenLinks(Path markdown) throws IOException {
        var broken = new ArrayList<String>();
        var text = Files.readString(markdown);
        var code = Pattern.compile("```.*?```", Pattern.DOTALL).matcher(text).replaceAll("");
        var m = LINK.matcher(code);
        while (m.find()) {
            var target = m.group(1);
            if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")
                    || target.startsWith("#")) {
                continue;
            }
            var file = target.replaceFirst("#.*$", "");
            if (file.startsWith("/") || !Files.exists(markdown.toAbsolutePath().getParent().resolve(file).normalize())) {
                broken.add(markdown + " -> " + target);
            }
        }
        return broken;
    }

    static List<Path> documents() throws IOException {
        var docs = new ArrayList<Path>();
        docs.add(Path.of("README.md"));
        try (Stream<Path> files = Files.walk(Path.of("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void everyRelativeLinkInTheReadmeAndDocsLeadsToAFileOfTheRepository() throws IOException {
        var docs = documents();
        assertThat(docs).contains(Path.of("docs/architecture.md"), Path.of("docs/operations.md"),
                Path.of("docs/product-guide.md"));
        var broken = new ArrayList<String>();
        for (var doc : docs) broken.addAll(brokenLinks(doc));
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void theCheckFindsABrokenLinkAndIgnoresCodeAndExternalLinks(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("there.md"), "x");
        var doc = dir.resolve("doc.md");
        Files.writeString(doc, """
                [fine](there.md) [fine too](there.md#part) [gone](missing.md) ![img](pics/none.png)
                [web](https://example.org/x) [anchor](#top)
                ```
                [in code](not-checked.md)
                ```
                """);
        assertThat(brokenLinks(doc)).containsExactly(doc + " -> missing.md", doc + " -> pics/none.png");
    }

    @Test
    void noTextOfTheRepositoryNamesADocumentOutsideIt() throws IOException {
        var found = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            for (var file : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> SKIPPED_FOLDERS.stream().noneMatch(s -> f.toString().contains("/" + s + "/")))::iterator) {
                var bytes = Files.readAllBytes(file);
                if (bytes.length > 2_000_000 || new String(bytes, 0, Math.min(bytes.length, 8000),
                        StandardCharsets.ISO_8859_1).indexOf('\0') >= 0) {
                    continue;
                }
                var text = new String(bytes, StandardCharsets.UTF_8);
                for (var name : OUTSIDE) {
                    if (text.contains(name)) found.add(file + ": " + name);
                }
            }
        }
        assertThat(found).as("documents outside the repository: write what matters into docs/").isEmpty();
    }
}
