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
 * stock for each), prints them and writes them to bench/results/performance-TIMESTAMP.md.
 *
 * <pre>  PerformanceReport [command as run]</pre>
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
        var keys = byWorkload.values().stream().flatMap(m -> m.values().stream()).toList();
        var report = new StringBuilder();
        var now = Instant.now();
        report.append("# GridCare performance, ").append(DateTimeFormatter.ISO_INSTANT.format(now)).append("\n\n");
        report.append("Command: `").append(args.length > 0 ? String.join(" ", args) : "bench/performance.sh").append("`  \n");
        report.append(machine()).append("\n\n");
        report.append("GridCare = as shipped; stock = the same jar, models and delegates with the `stock` profile "
                + "(Camunda 7.24 Spring Boot starter defaults: history full, removal time `end`, job executor 5 s / 60 s, "
                + "no extra index, jobs without due dates, timers not preferred), run on the workloads compared with "
                + "it. \"vs stock\" is how many times better GridCare is (higher throughput, or lower latency/time).\n\n");
        String workload = null;
        for (var figure : keys) {
            if (!figure.workload().equals(workload)) {
                workload = figure.workload();
                report.append("\n### ").append(workload).append("\n\n")
                        .append("| measure | target | GridCare | stock | vs stock |\n|---|---|---:|---:|---:|\n");
            }
            var g = find(gridcare, figure);
            var s = find(stock, figure);
            report.append("| ").append(figure.measure()).append(figure.unit().isEmpty() ? "" : " (" + figure.unit() + ")")
                    .append(" | ").append(figure.target())
                    .append(" | ").append(Figures.format(g)).append(" | ").append(Figures.format(s))
                    .append(" | ").append(ratio(figure.better(), g, s)).append(" |\n");
        }
        System.out.println(report);
        // smoke runs only prove the suite works: their report stays out of bench/results
        var file = Path.of(Boolean.getBoolean("bench.smoke") ? PerformanceSuite.OUT.toString() : "bench/results", "performance-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC).format(now) + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println("Report written to " + file);
    }

    private static List<Figures.Figure> read(String side) throws IOException {
        var figures = new ArrayList<Figures.Figure>();
        figures.addAll(Figures.read(PerformanceSuite.OUT.resolve(side + ".tsv")));
        for (var db : List.of("postgres", "h2")) {
            figures.addAll(Figures.read(PerformanceSuite.OUT.resolve(side + "-startup-" + db + ".tsv")));
        }
        return figures;
    }

    private static double find(List<Figures.Figure> figures, Figures.Figure like) {
        return figures.stream().filter(f -> f.workload().equals(like.workload()) && f.measure().equals(like.measure()))
                .mapToDouble(Figures.Figure::value).findFirst().orElse(Double.NaN);
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
