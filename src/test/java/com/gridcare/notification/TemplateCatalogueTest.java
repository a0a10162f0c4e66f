package com.gridcare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateCatalogueTest {

    private static List<String> constants() {
        return Arrays.stream(NotificationTemplate.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    @Test
    void shouldShipEveryTemplateTheConstantsName() {
        var catalogue = TemplateCatalogue.load(List.of("zh", "en"));

        assertThat(catalogue.names()).containsExactlyInAnyOrderElementsOf(constants());
    }

    @Test
    void shouldRenderOnlyTheConfiguredLanguage() {
        var catalogue = TemplateCatalogue.load(List.of("en"));

        var message = catalogue.render(NotificationTemplate.REQUEST_EXPIRED, Map.of("caseId", "SRQ-2026-000001"));

        assertThat(message.subject()).isEqualTo("Request closed (case SRQ-2026-000001)");
        assertThat(message.body()).doesNotContain("您好");
        assertThat(message.subjectZh()).isEqualTo("申请已关闭（工单号 SRQ-2026-000001）");
    }

    @Test
    void shouldWriteDatesAndTimesInBeijingTime() {
        var instant = OffsetDateTime.parse("2026-09-30T16:30:00Z");

        assertThat(TemplateCatalogue.format(instant, "zh")).isEqualTo("2026年10月1日 00:30");
        assertThat(TemplateCatalogue.format(instant, "en")).isEqualTo("1 Oct 2026, 00:30 (Beijing time)");
        assertThat(TemplateCatalogue.format(Date.from(instant.toInstant()), "en"))
                .isEqualTo("1 Oct 2026, 00:30 (Beijing time)");
        assertThat(TemplateCatalogue.format("2026-09-30T16:30:00Z", "zh")).isEqualTo("2026年10月1日 00:30");
        assertThat(TemplateCatalogue.format(LocalDate.of(2026, 10, 13), "en")).isEqualTo("13 Oct 2026");
        assertThat(TemplateCatalogue.format("ID card, house deed", "en")).isEqualTo("ID card, house deed");
    }

    @Test
    void shouldRefuseATemplateWhoseLanguagesUseDifferentPlaceholders() {
        var yaml = """
                BROKEN:
                  zh: {subject: "工单 {caseId}", body: "于 {dueAt} 前"}
                  en: {subject: "Case {caseId}", body: "by {replyBy}"}
                """;

        assertThatThrownBy(() -> TemplateCatalogue.parse(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), List.of("zh", "en")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BROKEN");
    }

    @Test
    void shouldRefuseATemplateWithoutBothLanguages() {
        var yaml = """
                HALF:
                  en: {subject: "Case {caseId}", body: "Hello"}
                """;

        assertThatThrownBy(() -> TemplateCatalogue.parse(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), List.of("zh", "en")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HALF needs a zh subject and body");
    }
}
