package com.gridcare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * GridCare's settings: each feature's {@code @ConfigurationProperties} class binds from application.yaml
 * alone (every key there with its default) and passes its validation; every {@code gridcare.*} key of
 * application.yaml and of every profile's yaml (main and test) belongs to a properties class, so a misspelt
 * key fails here instead of being ignored.
 */
class GridCarePropertiesTest {

    static final Path MAIN = Path.of("src/main/resources");
    static final Path TEST = Path.of("src/test/resources");

    /** Every {@code @ConfigurationProperties} class of GridCare, by its prefix. */
    static Map<String, Class<?>> propertiesClasses() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        var classes = new LinkedHashMap<String, Class<?>>();
        for (var candidate : scanner.findCandidateComponents("com.gridcare")) {
            var type = Class.forName(candidate.getBeanClassName());
            var annotation = type.getAnnotation(ConfigurationProperties.class);
            var prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            classes.put(prefix, type);
        }
        return classes;
    }

    static List<PropertySource<?>> yaml(Path file) throws IOException {
        return new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
    }

    static List<Path> profileYamls() throws IOException {
        var files = new ArrayList<Path>();
        for (var dir : List.of(MAIN, TEST)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(f -> f.getFileName().toString().matches("application(-[a-z]+)?\\.ya?ml")).sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** The problems of binding every properties class from these sources: unknown keys, failed validation. */
    static List<String> problems(List<PropertySource<?>> sources, boolean validate) throws ClassNotFoundException {
        var environment = new StandardEnvironment();
        environment.getPropertySources().forEach(s -> environment.getPropertySources().remove(s.getName()));
        sources.forEach(environment.getPropertySources()::addLast);
        // placeholders with a default (${GRIDCARE_LDAP_URL:ldap://localhost:389}) bind as they do at start-up
        var binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()),
                new PropertySourcesPlaceholdersResolver(environment));
        var classes = propertiesClasses();
        var problems = new ArrayList<String>();
        var validator = Validation.buildDefaultValidatorFactory().getValidator();
        for (var source : sources) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) continue;
            for (var key : enumerable.getPropertyNames()) {
                if (key.startsWith("gridcare.") && classes.keySet().stream().noneMatch(p -> key.startsWith(p + "."))) {
                    problems.add(source.getName() + ": " + key + " belongs to no properties class");
                }
            }
        }
        for (var entry : classes.entrySet()) {
            try {
                // GridCare's own keys strictly; a class that reads one setting of Spring's or Camunda's leaves the rest to them
                var handler = entry.getKey().startsWith("gridcare.")
                        ? new NoUnboundElementsBindHandler(BindHandler.DEFAULT) : BindHandler.DEFAULT;
                var bound = binder.bind(entry.getKey(), Bindable.of(entry.getValue()), handler);
                if (validate) {
                    if (!bound.isBound()) {
                        problems.add(entry.getKey() + ": not in application.yaml");
                        continue;
                    }
                    for (var violation : validator.validate(bound.get())) {
                        problems.add(entry.getKey() + "." + violation.getPropertyPath() + ": " + violation.getMessage());
                    }
                }
            } catch (RuntimeException e) {
                var cause = e.getCause() == null ? e : e.getCause();
                problems.add(entry.getKey() + ": " + cause.getMessage());
            }
        }
        return problems;
    }

    @Test
    void everyFeaturesPropertiesBindFromApplicationYamlAloneAndAreValid() throws Exception {
        var classes = propertiesClasses();
        assertThat(classes).containsKeys("gridcare.rules", "gridcare.clock", "gridcare.survey", "gridcare.complaint",
                "gridcare.notification", "gridcare.models", "gridcare.demo", "gridcare.database", "gridcare.engine",
                "gridcare.security", "gridcare.testing", "server", "camunda.bpm.generic-properties.properties");
        assertThat(problems(yaml(MAIN.resolve("application.yaml")), true)).isEmpty();
    }

    @Test
    void everyGridCareKeyOfEveryProfileBelongsToAPropertiesClass() throws Exception {
        var base = yaml(MAIN.resolve("application.yaml"));
        var checked = new TreeSet<String>();
        for (var file : profileYamls()) {
            var sources = new ArrayList<PropertySource<?>>(yaml(file));
            sources.addAll(base);
            assertThat(problems(sources, true)).as(file.toString()).isEmpty();
            checked.add(file.getFileName().toString());
        }
        assertThat(checked).contains("application.yaml", "application-prod.yaml", "application-postgres.yaml",
                "application-stock.yaml", "application-test.yaml");
    }

    @Test
    void aMisspeltOrUnknownKeyAndAnInvalidValueAreFound(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var base = yaml(MAIN.resolve("application.yaml"));
        var wrong = dir.resolve("application-wrong.yaml");
        Files.writeString(wrong, """
                gridcare:
                  rules:
                    watch-pol-millis: 100
                  reports:
                    enabled: true
                  survey:
                    remind-after: 1d
                  complaint:
                    goodwill-approval-limit: -1
                  security:
                    directory:
                      user-id-atribute: uid
                """);
        var sources = new ArrayList<PropertySource<?>>(yaml(wrong));
        sources.addAll(base);
        assertThat(String.join("\n", problems(sources, true)))
                .contains("gridcare.reports.enabled belongs to no properties class")
                .contains("gridcare.rules.watch-pol-millis")
                .contains("goodwillApprovalLimit")
                .contains("gridcare.security.directory.user-id-atribute")
                .doesNotContain("gridcare.survey");
        // and application.yaml without a key is not enough for its class
        var missing = dir.resolve("application.yaml");
        Files.writeString(missing, Files.readString(MAIN.resolve("application.yaml"))
                .replace("    goodwill-approval-limit: 500\n", ""));
        assertThat(problems(yaml(missing), true)).anyMatch(p -> p.startsWith("gridcare.complaint"));
        // a switch has no default in code either: without its key the class does not validate
        Files.writeString(missing, Files.readString(MAIN.resolve("application.yaml"))
                .replace("    ignore-idempotency-keys: false\n", "").replace("      enabled: false\n", ""));
        assertThat(problems(yaml(missing), true)).anyMatch(p -> p.startsWith("gridcare.testing"))
                .anyMatch(p -> p.startsWith("gridcare.security.directory.enabled"));
        assertThatThrownBy(() -> yaml(Files.writeString(dir.resolve("application-twice.yaml"),
                "gridcare:\n  demo:\n    enabled: true\n  demo:\n    enabled: false\n")))
                .as("a key twice in one file").isInstanceOf(RuntimeException.class);
    }
}
