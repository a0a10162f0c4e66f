package com.gridcare.performance;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Puts the figures of both sides of bench/performance.sh side by side (with GridCare's advantage over
 * stock for each; for the workloads measured in rounds, the median of each side's rounds and the rounds
 * themselves), with the time each phase of the suite took, prints them and writes them to
 * bench/results/performance-TIMESTAMP.md.
 *
 * <pre>  PerformanceReport [command as run] [options as run]</pre>
 */
public final class PerformanceReport {

    public static void main(String[] args) throws IOException {
        var gridcare = read("gridcare");
        var stock = read("stock");
        // by workload, in the order the workloads first appear; each measure once
        var byWorkload = new LinkedHashMap<String, LinkedHashMap<String, Figures.Figure>>();
        for (var f : Stream.concat(gridcare.stream(), stock.stream()).toList()) {
            byWorkload.computeIfAbsent(f.workload(), w -> new LinkedHashMap<>()).putIfAbsent(f.measure(), f);
        }
        var report = new StringBuilder();
        var now = Instant.now();
        report.append("# GridCare performance, ").append(DateTimeFormatter.ISO_INSTANT.format(now)).append("\n\n");
        report.append("Command: `").append(args.length > 0 ? String.join(" ", args) : "bench/performance.sh").append("`  \n");
        report.append(machine()).append("\n\n");
        report.append("GridCare = as shipped; stock = the same jar, models and delegates with the `stock` profile "
                + "(Camunda 7.24 Spring Boot starter defaults: history full, removal time `end`, job executor 5 s / 60 s, "
                + "no extra index, jobs without due dates, timers not preferred), run on the workloads compared with "
                + "it. \"vs stock\" is how many times better GridCare is (higher throughput, or lower latency/time). "
                + "Each side runs in a JVM of its own on its own emptied database, both up throughout; a workload runs "
                + "on one side while the other is idle (no job due). Intake and task completion run in alternating "
                + "rounds (GridCare, stock, GridCare, stock, …): their GridCare and stock columns are the median of "
                + "the side's rounds, \"vs stock\" the ratio of the medians, and the rounds follow in the order run. "
                + "The soak offers both sides the same load; its duration row says how long each side soaked.\n");
        for (var measures : byWorkload.values()) {
            var workload = measures.values().iterator().next().workload();
            boolean inRounds = Stream.concat(gridcare.stream(), stock.stream())
                    .anyMatch(f -> f.workload().equals(workload) && f.round() > 0);
            report.append("\n### ").append(workload).append("\n\n")
                    .append("| measure | target | GridCare | stock | vs stock |")
                    .append(inRounds ? " GridCare, rounds | stock, rounds |\n|---|---|---:|---:|---:|---:|---:|\n"
                            : "\n|---|---|---:|---:|---:|\n");
            for (var figure : measures.values()) {
                var g = values(gridcare, figure);
                var s = values(stock, figure);
                report.append("| ").append(figure.measure()).append(figure.unit().isEmpty() ? "" : " (" + figure.unit() + ")")
                        .append(" | ").append(figure.target())
                        .append(" | ").append(Figures.format(median(g))).append(" | ").append(Figures.format(median(s)))
                        .append(" | ").append(ratio(figure.better(), median(g), median(s))).append(" |");
                if (inRounds) report.append(" ").append(rounds(g)).append(" | ").append(rounds(s)).append(" |");
                report.append("\n");
            }
        }
        appendPlans(report);
        var phases = PerformanceSuite.OUT.resolve("phases.tsv");
        if (Files.exists(phases)) {
            report.append("\n### Where the time went\n\n");
            for (var line : Files.readAllLines(phases)) {
                var f = line.split("\t");
                report.append("- ").append(f[0]).append(" took ").append(f[1]).append(" s\n");
            }
        }
        System.out.println(report);
        // smoke runs only prove the suite works: their report stays out of bench/results
        var file = Path.of(Boolean.getBoolean("bench.smoke") ? PerformanceSuite.OUT.toString() : "bench/results", "performance-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC).format(now) + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println("Report written to " + file);
    }

    /** The inbox page's statement and its plan on each side, as the inbox workload explained them. */
    private static void appendPlans(StringBuilder report) throws IOException {
        if (!Files.isDirectory(PerformanceSuite.OUT)) return;
        List<Path> plans;
        try (var files = Files.list(PerformanceSuite.OUT)) {
            plans = files.filter(f -> f.getFileName().toString().endsWith(".plan")).sorted().toList();
        }
        if (plans.isEmpty()) return;
        report.append("\n### inbox query: the page's statement and its plan (EXPLAIN (ANALYZE, BUFFERS))\n");
        for (var plan : plans) {
            var name = plan.getFileName().toString().replaceFirst("\\.plan$", "").replace("-inbox-", ": ").replace('-', ' ');
            report.append("\n").append(name).append("\n\n```\n").append(Files.readString(plan).strip()).append("\n```\n");
        }
    }

    private static List<Figures.Figure> read(String side) throws IOException {
        var figures = new ArrayList<Figures.Figure>();
        figures.addAll(Figures.read(PerformanceSuite.OUT.resolve(side + ".tsv")));
        for (var db : List.of("postgres", "h2")) {
            figures.addAll(Figures.read(PerformanceSuite.OUT.resolve(side + "-startup-" + db + ".tsv")));
        }
        return figures;
    }

    /** The side's values of {@code like}'s measure, in the order measured (one per round for a workload in rounds). */
    private static List<Double> values(List<Figures.Figure> figures, Figures.Figure like) {
        return figures.stream().filter(f -> f.workload().equals(like.workload()) && f.measure().equals(like.measure()))
                .map(Figures.Figure::value).toList();
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        var sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** "61.4, 69.9, 58.2", or the one value again for a measure taken once (e.g. in the first round only). */
    private static String rounds(List<Double> values) {
        return String.join(", ", values.stream().map(Figures::format).toList());
    }

    private static String ratio(Figures.Better better, double gridcare, double stock) {
        if (Double.isNaN(gridcare) || Double.isNaN(stock) || better == Figures.Better.NEITHER) return "";
        double r = better == Figures.Better.HIGHER ? gridcare / stock : stock / gridcare;
        if (Double.isInfinite(r) || Double.isNaN(r)) return "";
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = 0;
        try {
            for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) memory = Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024;
            }
        } catch (IOException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "Machine: %d cores, %d GiB, %s %s, Java %s; load average %.2f when the report was written",
                os.getAvailableProcessors(), memory, os.getName(), os.getArch(), System.getProperty("java.version"),
                os.getSystemLoadAverage());
    }
}
