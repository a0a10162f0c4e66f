package com.gridcare.insight;

import com.gridcare.kernel.EngineClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The monthly service report: every {@link ReportSection} the features declare, in order, its facts of the
 * month summed into rows; and the cases behind any figure of any row. The dashboard reads the same.
 */
@Service
public class ServiceReport implements org.springframework.beans.factory.DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServiceReport.class);

    /** Cases a drill-down lists at most; {@code total} says how many there are. */
    public static final int MAX_CASES = 1000;

    /** One row: its key (the dimension values joined with {@code |}), the values, and one figure per column. */
    public record Row(String key, List<String> keys, List<BigDecimal> figures) {}

    public record Column(String key, String en, String zh, String kind) {}

    public record SectionView(String id, Label title, List<Column> dimensions, List<Column> figures, List<Row> rows) {}

    /** {@code computedAt}: when the figures were summed (for a closed month, by the night's rollup). */
    public record Report(String month, String group, String category, String tier, String channel, String asOf,
            String computedAt, List<SectionView> sections) {

        public SectionView section(String id) {
            return sections.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        }
    }

    public record CaseLine(String caseId, String kind, String category, String group, String status, String channel,
            String receivedAt, String closedAt) {}

    public record CustomerLine(String customerId, String tier, String customerClass, String area) {}

    /** {@code total}: the cases behind the figure, or the customers for a figure of customers. */
    public record CaseList(String section, String figure, String row, int total, List<CaseLine> cases,
            List<CustomerLine> customers) {}

    private final List<ReportSection> sections;
    /** Sections are read side by side (each mostly waits for its queries), a few at a time for all reports. */
    private final java.util.concurrent.ExecutorService sectionReaders = java.util.concurrent.Executors.newFixedThreadPool(4,
            runnable -> {
                var thread = new Thread(runnable, "service-report");
                thread.setDaemon(true);
                return thread;
            });
    private final CaseAttributes attributes;
    private final CustomerAttributes customerAttributes;
    private final ReportRollups rollups;

    ServiceReport(List<ReportSection> sections, CaseAttributes attributes, CustomerAttributes customerAttributes,
            ReportRollups rollups) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(ReportSection::order)
                .thenComparing(ReportSection::id)).toList();
        this.attributes = attributes;
        this.customerAttributes = customerAttributes;
        this.rollups = rollups;
        var ids = new HashSet<String>();
        for (var s : this.sections) {
            if (!ids.add(s.id())) throw new IllegalStateException("two report sections with the id " + s.id());
        }
    }

    @Override
    public void destroy() {
        sectionReaders.shutdownNow();
    }

    public List<ReportSection> sections() {
        return sections;
    }

    /**
     * The report of the scope's month: of a closed month from the night's rollup when there is one, else summed
     * from the facts now.
     */
    public Report of(ReportScope scope) {
        var rollup = scope.closed() ? rollups.read(scope.month()) : java.util.Optional.<ReportRollups.Rollup>empty();
        if (rollup.isPresent()) {
            var cells = rollup.get().cells();
            return report(scope, rollup.get().computedAt(), sections.stream()
                    .map(section -> view(section, cells.getOrDefault(section.id(), List.of()).stream()
                            .filter(c -> keeps(scope, section, c.caseFact(), c.attributes(), c.keys()))
                            .collect(Sums::new, (sums, c) -> sums.add(c.rowKey(), c.keys(), c.sums(), c.counts()),
                                    Sums::addAll)))
                    .toList());
        }
        var computedAt = OffsetDateTime.now(EngineClock.ZONE);
        var views = new ArrayList<java.util.concurrent.Future<SectionView>>();
        for (var section : sections) {
            views.add(sectionReaders.submit(() -> {
                long started = System.nanoTime();
                var sums = new Sums();
                for (var fact : facts(section, scope)) sums.add(fact.keys(), fact.values());
                var view = view(section, sums);
                log.debug("report {} section {}: {} ms", scope.month(), section.id(), (System.nanoTime() - started) / 1_000_000);
                return view;
            }));
        }
        return report(scope, computedAt, views.stream().map(view -> Futures.join(view, "computing the report")).toList());
    }

    private static Report report(ReportScope scope, OffsetDateTime computedAt, List<SectionView> views) {
        return new Report(scope.month().toString(), scope.group(), scope.category(), scope.tier(), scope.channel(),
                local(scope.asOf()), local(computedAt), views);
    }

    /**
     * The month's facts of every section summed by row and by the attributes of their case the report filters by:
     * what {@link ReportRollups} keeps of a closed month.
     */
    List<ReportRollups.Cell> cells(YearMonth month, OffsetDateTime now) {
        var scope = ReportScope.of(month, now, null, null);
        var views = new ArrayList<java.util.concurrent.Future<List<ReportRollups.Cell>>>();
        for (var section : sections) {
            views.add(sectionReaders.submit(() -> {
                record Attributes(boolean caseFact, String group, String category, String channel, String tier) {}
                var byCell = new LinkedHashMap<Attributes, Sums>();
                for (var fact : attributed(section, scope, true)) {
                    var a = fact.attributes();
                    var cell = a == null ? new Attributes(fact.fact().caseId() != null, null, null, null, null)
                            : new Attributes(true, a.group(), a.category(), a.channel(), a.tier());
                    byCell.computeIfAbsent(cell, k -> new Sums()).add(fact.fact().keys(), fact.fact().values());
                }
                var cells = new ArrayList<ReportRollups.Cell>();
                byCell.forEach((cell, sums) -> sums.forEach((rowKey, keys, sum, count) -> cells.add(new ReportRollups.Cell(
                        section.id(), rowKey, keys, cell.caseFact(), cell.caseFact()
                                ? new CaseAttributes.Attributes(null, null, cell.category(), cell.group(), null,
                                        cell.channel(), null, null, cell.tier())
                                : null,
                        sum, count))));
                return cells;
            }));
        }
        return views.stream().flatMap(v -> Futures.join(v, "summing the month").stream()).toList();
    }

    /**
     * The cases behind one figure of one row: {@code row} is the row's key, or with {@code *} for any value of
     * a dimension ({@code FIRST_CONTACT|*}: that clock in every group).
     *
     * @throws com.gridcare.api.InvalidFieldException naming {@code section}, {@code figure} or {@code row}
     */
    public CaseList cases(ReportScope scope, String sectionId, String figureKey, String row) {
        var section = sections.stream().filter(s -> s.id().equals(sectionId)).findFirst()
                .orElseThrow(() -> new com.gridcare.api.InvalidFieldException("section", "must be one of " + sections.stream()
                        .map(ReportSection::id).toList()));
        var figures = section.figures();
        int index = -1;
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i).key().equals(figureKey)) index = i;
        }
        if (index < 0) {
            throw new com.gridcare.api.InvalidFieldException("figure", "must be one of " + figures.stream().map(Figure::key).toList());
        }
        var figure = figures.get(index);
        if (figure.kind() == Figure.Kind.SHARE || figure.kind() == Figure.Kind.RATIO) index = indexOf(figures, figure.numerator());
        var pattern = row == null || row.isBlank() ? null : row.split("\\|", -1);
        if (pattern != null && pattern.length != section.dimensions().size()) {
            throw new com.gridcare.api.InvalidFieldException("row", "must have " + section.dimensions().size() + " parts joined by |: "
                    + section.dimensions().stream().map(Dimension::key).toList());
        }
        var ids = new TreeSet<String>();
        var customerIds = new TreeSet<String>();
        for (var fact : facts(section, scope)) {
            if (fact.caseId() == null && fact.customerId() == null || pattern != null && !matches(pattern, fact.keys())) continue;
            double v = fact.values()[index];
            if (Double.isNaN(v) || v == 0) continue;
            if (fact.caseId() != null) ids.add(fact.caseId());
            else customerIds.add(fact.customerId());
        }
        var customers = customerIds.isEmpty() ? List.<CustomerLine>of() : customerLines(customerIds);
        var shown = ids.stream().limit(MAX_CASES).toList();
        var found = attributes.of(shown);
        var lines = shown.stream().map(found::get).filter(Objects::nonNull)
                .map(a -> new CaseLine(a.caseId(), a.kind(), a.category(), a.group(), a.status(), a.channel(),
                        local(a.receivedAt()), local(a.closedAt())))
                .toList();
        return new CaseList(sectionId, figureKey, row, ids.isEmpty() ? customerIds.size() : ids.size(), lines,
                customers);
    }

    private List<CustomerLine> customerLines(TreeSet<String> customerIds) {
        var shown = customerIds.stream().limit(MAX_CASES).toList();
        var found = customerAttributes.of(shown);
        return shown.stream().map(found::get).filter(Objects::nonNull)
                .map(a -> new CustomerLine(a.customerId(), a.tier(), a.customerClass(), a.area())).toList();
    }

    private static String local(java.time.OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime().toString();
    }

    private static boolean matches(String[] pattern, String[] keys) {
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(keys[i])) return false;
        }
        return true;
    }

    private static int indexOf(List<Figure> figures, String key) {
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i).key().equals(key)) return i;
        }
        throw new IllegalStateException("no figure " + key);
    }

    /**
     * The section's facts with group and category filled in from the cases, and only the scope's (see
     * {@link #keeps}).
     */
    private List<Fact> facts(ReportSection section, ReportScope scope) {
        var kept = new ArrayList<Fact>();
        for (var fact : attributed(section, scope, scope.filtered())) {
            if (keeps(scope, section, fact.fact().caseId() != null, fact.attributes(), fact.fact().keys())) {
                kept.add(fact.fact());
            }
        }
        return kept;
    }

    private record Attributed(Fact fact, CaseAttributes.Attributes attributes) {}

    /**
     * The section's facts, each with its case's attributes (of every fact of a case when {@code all}, else of those
     * that leave the case's group or category to fill in), group and category filled in from them.
     */
    private List<Attributed> attributed(ReportSection section, ReportScope scope, boolean all) {
        var dims = section.dimensions();
        int group = dims.indexOf(Dimension.GROUP);
        int category = dims.indexOf(Dimension.CATEGORY);
        var facts = section.facts(scope);
        var missing = new HashSet<String>();
        for (var fact : facts) {
            if (fact.caseId() == null) continue;
            if (all || (group >= 0 && fact.keys()[group] == null) || (category >= 0 && fact.keys()[category] == null)) {
                missing.add(fact.caseId());
            }
        }
        var found = missing.isEmpty() ? java.util.Map.<String, CaseAttributes.Attributes>of() : attributes.of(missing, scope);
        var out = new ArrayList<Attributed>(facts.size());
        for (var fact : facts) {
            var a = fact.caseId() == null ? null : found.get(fact.caseId());
            if (fact.caseId() != null) {
                if (group >= 0 && fact.keys()[group] == null) fact.keys()[group] = a == null || a.group() == null ? "-" : a.group();
                if (category >= 0 && fact.keys()[category] == null) fact.keys()[category] = a == null ? "-" : a.category();
            }
            out.add(new Attributed(fact, a));
        }
        return out;
    }

    /**
     * Whether a fact (or a rollup's sums of facts) counts in the scope: a fact of a case by the case's group,
     * category, channel and tier; a fact of no case by its tier dimensions (left out when filtered by a case's
     * group, category or channel, or by tier when it has no tier dimension).
     */
    private static boolean keeps(ReportScope scope, ReportSection section, boolean caseFact, CaseAttributes.Attributes a,
            String[] keys) {
        if (!caseFact) {
            if (scope.byCase()) return false;
            if (scope.tier() == null) return true;
            var dims = section.dimensions();
            for (int i = 0; i < dims.size(); i++) {
                if (dims.get(i).isTier() && scope.tier().equals(keys[i])) return true;
            }
            return false;
        }
        if (!scope.filtered()) return true;
        return a != null && (scope.group() == null || scope.group().equals(a.group()))
                && (scope.category() == null || scope.category().equals(a.category()))
                && (scope.channel() == null || scope.channel().equals(a.channel()))
                && (scope.tier() == null || scope.tier().equals(a.tier()));
    }

    /** A section's facts summed by row: per row key its dimension values, the figures' sums and how many had a value. */
    static final class Sums {

        interface Row {
            void accept(String rowKey, String[] keys, double[] sums, long[] counts);
        }

        /** A row's dimension values, and per figure its sum and how many values were summed. */
        private record Totals(String[] keys, double[] sums, long[] counts) {}

        private final TreeMap<String, Totals> rows = new TreeMap<>();

        void add(String[] factKeys, double[] values) {
            var key = String.join("|", Arrays.stream(factKeys).map(k -> k == null ? "-" : k).toList());
            var row = row(key, factKeys, values.length);
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) continue;
                row.sums()[i] += values[i];
                row.counts()[i]++;
            }
        }

        void add(String key, String[] rowKeys, double[] rowSums, long[] rowCounts) {
            var row = row(key, rowKeys, rowSums.length);
            for (int i = 0; i < rowSums.length; i++) {
                row.sums()[i] += rowSums[i];
                row.counts()[i] += rowCounts[i];
            }
        }

        void addAll(Sums other) {
            other.forEach(this::add);
        }

        void forEach(Row row) {
            rows.forEach((key, totals) -> row.accept(key, totals.keys(), totals.sums(), totals.counts()));
        }

        private Totals row(String key, String[] rowKeys, int n) {
            return rows.computeIfAbsent(key, k -> new Totals(rowKeys, new double[n], new long[n]));
        }
    }

    static SectionView view(ReportSection section, Sums rowSums) {
        var figures = section.figures();
        int n = figures.size();
        var rows = new ArrayList<Row>();
        rowSums.forEach((key, keys, sum, count) -> {
            var values = new ArrayList<BigDecimal>(n);
            for (int i = 0; i < n; i++) {
                var f = figures.get(i);
                values.add(switch (f.kind()) {
                    case COUNT -> BigDecimal.valueOf(Math.round(sum[i]));
                    case SUM -> BigDecimal.valueOf(sum[i]).setScale(2, RoundingMode.HALF_UP);
                    case AVERAGE -> count[i] == 0 ? null
                            : BigDecimal.valueOf(sum[i] / count[i]).setScale(1, RoundingMode.HALF_UP);
                    case SHARE, RATIO -> {
                        double den = sum[indexOf(figures, f.denominator())];
                        yield den == 0 ? null : BigDecimal.valueOf(sum[indexOf(figures, f.numerator())] / den)
                                .setScale(f.kind() == Figure.Kind.SHARE ? 3 : 6, RoundingMode.HALF_UP);
                    }
                });
            }
            rows.add(new Row(key, List.of(key.split("\\|", -1)), values));
        });
        return withRows(section, rows);
    }

    static SectionView withRows(ReportSection section, List<Row> rows) {
        return new SectionView(section.id(), section.title(),
                section.dimensions().stream().map(d -> new Column(d.key(), d.label().en(), d.label().zh(), "DIMENSION"))
                        .toList(),
                section.figures().stream().map(f -> new Column(f.key(), f.label().en(), f.label().zh(), f.kind().name())).toList(),
                rows);
    }
}
