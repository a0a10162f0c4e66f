package com.gridcare.survey;

import com.gridcare.kernel.EngineClock;
import com.gridcare.api.Csv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The service manager's view of satisfaction: answers received in a period (Beijing dates, both
 * ends included), with the average score and the share of scores of 1 or 2, by month answered, by
 * the case's channel and category and by the group that owned the case. Answers refused because
 * they came after the survey expired are counted apart.
 */
@Service
public class SatisfactionReport {

    /** One line: all answers of one month, channel, category or group. */
    public record Line(String key, int responses, BigDecimal averageScore, BigDecimal lowScoreShare,
            int lateAnswers) {}

    public record Report(LocalDate from, LocalDate to, Line total, List<Line> byMonth, List<Line> byChannel,
            List<Line> byCategory, List<Line> byGroup) {

        public String csv() {
            var out = Csv.withHeader("dimension", "key", "responses", "averageScore", "lowScoreShare", "lateAnswers");
            append(out, "total", List.of(total));
            append(out, "month", byMonth);
            append(out, "channel", byChannel);
            append(out, "category", byCategory);
            append(out, "group", byGroup);
            return out.toString();
        }

        private static void append(Csv out, String dimension, List<Line> lines) {
            for (var line : lines) {
                out.row(dimension, line.key(), line.responses(), line.averageScore(), line.lowScoreShare(),
                        line.lateAnswers());
            }
        }
    }

    private record Answer(OffsetDateTime at, String channel, String category, String group, Integer score) {
        String month() {
            return at.atZoneSameInstant(EngineClock.ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM"));
        }
    }

    private final JdbcClient jdbc;

    SatisfactionReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Report of(LocalDate from, LocalDate to) {
        var start = from.atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var end = to.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var answers = jdbc.sql("""
                SELECT answered_at, channel, category, owning_group, score FROM survey
                 WHERE status = 'ANSWERED' AND answered_at >= ? AND answered_at < ?""")
                .params(start, end)
                .query((rs, n) -> new Answer(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5)))
                .list();
        var late = jdbc.sql("""
                SELECT l.received_at, s.channel, s.category, s.owning_group FROM survey_late_answer l
                  JOIN survey s ON s.id = l.survey_id
                 WHERE l.received_at >= ? AND l.received_at < ?""")
                .params(start, end)
                .query((rs, n) -> new Answer(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), null))
                .list();
        var all = new ArrayList<>(answers);
        all.addAll(late);
        return new Report(from, to, line("all", all), lines(all, Answer::month), lines(all, Answer::channel),
                lines(all, Answer::category), lines(all, a -> a.group() == null ? "none" : a.group()));
    }

    private static List<Line> lines(List<Answer> answers, Function<Answer, String> key) {
        var groups = new TreeMap<String, List<Answer>>();
        for (var answer : answers) {
            groups.computeIfAbsent(key.apply(answer), k -> new ArrayList<>()).add(answer);
        }
        return groups.entrySet().stream().map(Map.Entry::getKey).map(k -> line(k, groups.get(k))).toList();
    }

    private static Line line(String key, List<Answer> answers) {
        var scores = answers.stream().filter(a -> a.score() != null).mapToInt(Answer::score).toArray();
        int late = answers.size() - scores.length;
        if (scores.length == 0) {
            return new Line(key, 0, null, null, late);
        }
        long low = java.util.Arrays.stream(scores).filter(s -> s <= 2).count();
        var average = BigDecimal.valueOf(java.util.Arrays.stream(scores).sum())
                .divide(BigDecimal.valueOf(scores.length), 2, RoundingMode.HALF_UP);
        var share = BigDecimal.valueOf(low).divide(BigDecimal.valueOf(scores.length), 4, RoundingMode.HALF_UP);
        return new Line(key, scores.length, average, share, late);
    }
}
