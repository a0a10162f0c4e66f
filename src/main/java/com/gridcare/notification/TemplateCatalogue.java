package com.gridcare.notification;

import com.gridcare.kernel.EngineClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The customer message templates of {@code notifications/templates.yaml}, checked when loaded, and
 * rendered in the configured languages with dates and times in Beijing time.
 */
final class TemplateCatalogue {

    /** A template rendered: subject and body in the configured languages, and each language's subject. */
    record Rendered(String subject, String body, String subjectEn, String subjectZh) {}

    private record Text(String subject, String body) {}

    static final String RESOURCE = "notifications/templates.yaml";
    static final List<String> LANGUAGES = List.of("zh", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final DateTimeFormatter ZH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm '(Beijing time)'",
            Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Map<String, Map<String, Text>> templates;
    private final List<String> languages;

    private TemplateCatalogue(Map<String, Map<String, Text>> templates, List<String> languages) {
        this.templates = templates;
        this.languages = languages;
    }

    static TemplateCatalogue load(List<String> languages) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return parse(in, languages);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    @SuppressWarnings("unchecked")
    static TemplateCatalogue parse(InputStream yaml, List<String> languages) {
        if (languages.isEmpty() || !LANGUAGES.containsAll(languages)) {
            throw new IllegalStateException("gridcare.notification.languages must be some of " + LANGUAGES + ", was "
                    + languages);
        }
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> entries)) {
            throw new IllegalStateException(RESOURCE + ": expected a map of templates");
        }
        var templates = new LinkedHashMap<String, Map<String, Text>>();
        for (var entry : entries.entrySet()) {
            var name = String.valueOf(entry.getKey());
            if (!(entry.getValue() instanceof Map<?, ?> byLanguage)) {
                throw new IllegalStateException(RESOURCE + ": template " + name + " must have zh and en");
            }
            var texts = new LinkedHashMap<String, Text>();
            Set<String> placeholders = null;
            for (var language : LANGUAGES) {
                if (!(byLanguage.get(language) instanceof Map<?, ?> text)
                        || !(text.get("subject") instanceof String subject) || subject.isBlank()
                        || !(text.get("body") instanceof String body) || body.isBlank()) {
                    throw new IllegalStateException(RESOURCE + ": template " + name + " needs a " + language
                            + " subject and body");
                }
                var used = placeholdersIn(subject + " " + body);
                if (placeholders != null && !placeholders.equals(used)) {
                    throw new IllegalStateException(RESOURCE + ": template " + name
                            + " uses different placeholders in its languages: " + placeholders + " and " + used);
                }
                placeholders = used;
                texts.put(language, new Text(subject.trim(), body.trim()));
            }
            templates.put(name, texts);
        }
        return new TemplateCatalogue(templates, List.copyOf(languages));
    }

    Set<String> names() {
        return templates.keySet();
    }

    boolean exists(String template) {
        return templates.containsKey(template);
    }

    /** The placeholders a template needs. */
    Set<String> placeholders(String template) {
        var texts = texts(template).get("en");
        return placeholdersIn(texts.subject() + " " + texts.body());
    }

    /**
     * Renders a template; every placeholder must have a value.
     *
     * @throws IllegalArgumentException for an unknown template or a missing value, naming it
     */
    Rendered render(String template, Map<String, ?> values) {
        var texts = texts(template);
        var missing = new TreeSet<String>();
        for (var name : placeholders(template)) {
            if (values.get(name) == null) missing.add(name);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("template " + template + " needs a value for " + missing);
        }
        var subjects = new ArrayList<String>();
        var bodies = new ArrayList<String>();
        for (var language : languages) {
            subjects.add(fill(texts.get(language).subject(), values, language));
            bodies.add(fill(texts.get(language).body(), values, language));
        }
        return new Rendered(String.join(" / ", subjects), String.join("\n\n", bodies),
                fill(texts.get("en").subject(), values, "en"), fill(texts.get("zh").subject(), values, "zh"));
    }

    private Map<String, Text> texts(String template) {
        var texts = templates.get(template);
        if (texts == null) {
            throw new IllegalArgumentException("no notification template " + template + " (known: "
                    + templates.keySet() + ")");
        }
        return texts;
    }

    private static Set<String> placeholdersIn(String text) {
        var names = new LinkedHashSet<String>();
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) names.add(matcher.group(1));
        return new TreeSet<>(names);
    }

    private static String fill(String text, Map<String, ?> values, String language) {
        return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                format(values.get(m.group(1)), language)));
    }

    /** Dates and times in Beijing time, in the language's way; everything else as text. */
    static String format(Object value, String language) {
        var zh = "zh".equals(language);
        if (value instanceof Bilingual bilingual) return zh ? bilingual.zh() : bilingual.en();
        if (value instanceof String text) {
            var time = parseDateTime(text);
            if (time == null) return text;
            value = time;
        }
        if (value instanceof Date date) value = date.toInstant();
        if (value instanceof Instant instant) value = instant.atZone(EngineClock.ZONE);
        if (value instanceof OffsetDateTime time) value = time.atZoneSameInstant(EngineClock.ZONE);
        if (value instanceof ZonedDateTime time) {
            return (zh ? ZH_DATE_TIME : EN_DATE_TIME).format(time.withZoneSameInstant(EngineClock.ZONE));
        }
        if (value instanceof LocalDateTime time) return (zh ? ZH_DATE_TIME : EN_DATE_TIME).format(time);
        if (value instanceof LocalDate date) return (zh ? ZH_DATE : EN_DATE).format(date);
        return String.valueOf(value);
    }

    /** An ISO-8601 date-time with offset, as process variables and APIs carry them; else null. */
    private static TemporalAccessor parseDateTime(String text) {
        if (text.length() < 16 || !Character.isDigit(text.charAt(0)) || text.charAt(10) != 'T') return null;
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
