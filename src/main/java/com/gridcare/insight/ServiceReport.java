package com.gridcare.insight;

import com.gridcare.kernel.EngineClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

    public record Report(String month, String group, String category, String tier, String channel, String asOf,
            List<SectionView> sections) {

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

    ServiceReport(List<ReportSection> sections, CaseAttributes attributes, CustomerAttributes customerAttributes) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(ReportSection::order)
                .thenComparing(ReportSection::id)).toList();
        this.attributes = attributes;
        this.customerAttributes = customerAttributes;
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

    /** The report of the scope's month, computed from the facts. */
    public Report of(ReportScope scope) {
        var views = new ArrayList<java.util.concurrent.Future<SectionView>>();
        for (var section : sections) {
            views.add(sectionReaders.submit(() -> {
                long started = System.nanoTime();
                var view = view(section, facts(section, scope));
                log.debug("report {} section {}: {} ms", scope.month(), section.id(), (System.nanoTime() - started) / 1_000_000);
                return view;
            }));
        }
        return new Report(scope.month().toString(), scope.group(), scope.category(), scope.tier(), scope.channel(),
                scope.asOf().atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime().toString(),
                views.stream().map(view -> Futures.join(view, "computing the report")).toList());
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
     * The section's facts with group and category filled in from the cases, and only the scope's: a fact of a
     * case by the case's group, category, channel and tier; a fact of no case by its tier dimensions (left out
     * when filtered by a case's group, category or channel, or by tier when it has no tier dimension).
     */
    private List<Fact> facts(ReportSection section, ReportScope scope) {
        var dims = section.dimensions();
        int group = dims.indexOf(Dimension.GROUP);
        int category = dims.indexOf(Dimension.CATEGORY);
        var tierDims = new ArrayList<Integer>();
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i).isTier()) tierDims.add(i);
        }
        var facts = section.facts(scope);
        var missing = new HashSet<String>();
        boolean filter = scope.group() != null || scope.category() != null || scope.channel() != null
                || scope.tier() != null;
        for (var fact : facts) {
            if (fact.caseId() == null) continue;
            if (filter || (group >= 0 && fact.keys()[group] == null) || (category >= 0 && fact.keys()[category] == null)) {
                missing.add(fact.caseId());
            }
        }
        var found = missing.isEmpty() ? java.util.Map.<String, CaseAttributes.Attributes>of() : attributes.of(missing, scope);
        var kept = new ArrayList<Fact>(facts.size());
        for (var fact : facts) {
            if (fact.caseId() == null) {
                if (scope.byCase()) continue;
                if (scope.tier() != null && tierDims.stream().noneMatch(i -> scope.tier().equals(fact.keys()[i]))) continue;
                kept.add(fact);
                continue;
            }
            var a = found.get(fact.caseId());
            if (scope.group() != null && (a == null || !scope.group().equals(a.group()))) continue;
            if (scope.category() != null && (a == null || !scope.category().equals(a.category()))) continue;
            if (scope.channel() != null && (a == null || !scope.channel().equals(a.channel()))) continue;
            if (scope.tier() != null && (a == null || !scope.tier().equals(a.tier()))) continue;
            if (group >= 0 && fact.keys()[group] == null) fact.keys()[group] = a == null || a.group() == null ? "-" : a.group();
            if (category >= 0 && fact.keys()[category] == null) fact.keys()[category] = a == null ? "-" : a.category();
            kept.add(fact);
        }
        return kept;
    }

    static SectionView view(ReportSection section, List<Fact> facts) {
        var figures = section.figures();
        int n = figures.size();
        var sums = new TreeMap<String, double[]>();
        var counts = new TreeMap<String, long[]>();
        var keys = new LinkedHashMap<String, String[]>();
        for (var fact : facts) {
            var key = String.join("|", Arrays.stream(fact.keys()).map(k -> k == null ? "-" : k).toList());
            keys.putIfAbsent(key, fact.keys());
            var sum = sums.computeIfAbsent(key, k -> new double[n]);
            var count = counts.computeIfAbsent(key, k -> new long[n]);
            for (int i = 0; i < n; i++) {
                double v = fact.values()[i];
                if (Double.isNaN(v)) continue;
                sum[i] += v;
                count[i]++;
            }
        }
        var rows = new ArrayList<Row>();
        for (var entry : sums.entrySet()) {
            var sum = entry.getValue();
            var count = counts.get(entry.getKey());
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
            rows.add(new Row(entry.getKey(), List.of(entry.getKey().split("\\|", -1)), values));
        }
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
