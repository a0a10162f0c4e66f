package com.gridcare.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GridCare's Chinese translations of the Camunda webapps (zh.json beside the webjar's en.json on the
 * class path) are complete: every label of the webjar's English file, in Chinese, with the same
 * placeholders and links.
 */
class WebappLocalesTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}|\\{}|%[sd]|<a\\b[^>]*>|<br/>|<strong>");
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
    /** Names, formats and abbreviations that stay as they are in Chinese screens. */
    private static final Set<String> KEPT = Set.of("Camunda", "Optimize", "ID", "ID*", "CSV", "JSON", "null",
            "YYYY-MM-DDTHH:mm:ss");

    private static JsonNode read(String path) throws IOException {
        try (var in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            // the webjar's files start with a byte order mark
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            return new ObjectMapper().readTree(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void chineseHasEveryLabelOfTheWebjarInChinese(String app) throws IOException {
        var english = read(APPS + app + "/locales/en.json").path("labels");
        var chinese = read(APPS + app + "/locales/zh.json").path("labels");

        assertThat(names(chinese)).isEqualTo(names(english));
        var problems = new ArrayList<String>();
        english.fields().forEachRemaining(label -> {
            var key = label.getKey();
            var en = label.getValue().asText();
            var zh = chinese.path(key).asText();
            if (!placeholders(en).equals(placeholders(zh))) problems.add(key + ": placeholders differ: " + zh);
            if (LETTERS.matcher(zh).find() && !CHINESE.matcher(zh).find() && !KEPT.contains(zh.strip())) {
                problems.add(key + ": not translated: " + zh);
            }
        });
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void chineseDatesAreWrittenTheChineseWay(String app) throws IOException {
        var dates = read(APPS + app + "/locales/zh.json").path("dateLocales");
        if (app.equals("welcome")) {
            assertThat(dates.isMissingNode()).isTrue();  // the welcome app has no date settings in en.json either
            return;
        }
        assertThat(dates.path("longDateFormat").path("LL").asText()).isEqualTo("YYYY年M月D日");
        assertThat(dates.path("relativeTime").path("past").asText()).isEqualTo("%s前");
        assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("星期一");
    }

    private static Set<String> names(JsonNode node) {
        var names = new TreeSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> placeholders(String text) {
        var found = new ArrayList<String>();
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) found.add(matcher.group(1) != null ? matcher.group(1) : matcher.group());
        found.sort(null);
        return found;
    }
}
