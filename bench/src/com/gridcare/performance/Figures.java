package com.gridcare.performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures one side measured. Each is printed when measured and written as a tab-separated line
 * (workload, measure, value, unit, better, target, round), which {@link PerformanceReport} puts side by side.
 */
final class Figures {

    /** Which way is better, for the ratio against stock. */
    enum Better { HIGHER, LOWER, NEITHER }

    /** {@code round}: which of a workload's alternating rounds measured it, 0 when the workload has no rounds. */
    record Figure(String workload, String measure, double value, String unit, Better better, String target, int round) {
        String line() {
            return String.join("\t", workload, measure, Double.toString(value), unit, better.name(), target,
                    Integer.toString(round));
        }

        static Figure parse(String line) {
            var f = line.split("\t", -1);
            return new Figure(f[0], f[1], Double.parseDouble(f[2]), f[3], Better.valueOf(f[4]), f[5],
                    f.length > 6 ? Integer.parseInt(f[6]) : 0);
        }
    }

    private final String side;
    private final List<Figure> figures;
    private final int round;

    Figures(String side) {
        this(side, new ArrayList<>(), 0);
    }

    private Figures(String side, List<Figure> figures, int round) {
        this.side = side;
        this.figures = figures;
        this.round = round;
    }

    /** The same figures, with what is added from here on measured in {@code round} (1, 2, …). */
    Figures round(int round) {
        return new Figures(side, figures, round);
    }

    void add(String workload, String measure, double value, String unit, Better better, String target) {
        var figure = new Figure(workload, measure, value, unit, better, target == null ? "" : target, round);
        synchronized (figures) {
            figures.add(figure);
        }
        System.out.printf(Locale.ROOT, "[%s] %-22s %-44s %12s %s%s%n", side, workload, measure, format(value), unit,
                round > 0 ? "  (round " + round + ")" : "");
    }

    List<Figure> all() {
        synchronized (figures) {
            return List.copyOf(figures);
        }
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, all().stream().map(Figure::line).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Figure> read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(Figure::parse).toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(double value) {
        if (Double.isNaN(value)) return "–";
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return String.format(Locale.ROOT, "%,d", (long) value);
        if (Math.abs(value) >= 100) return String.format(Locale.ROOT, "%,.0f", value);
        if (Math.abs(value) >= 10) return String.format(Locale.ROOT, "%.1f", value);
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
