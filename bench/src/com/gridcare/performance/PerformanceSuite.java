package com.gridcare.performance;

import com.gridcare.GridCareApplication;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One side of bench/performance.sh in its own JVM: GridCare as shipped ({@code gridcare}, port 8090,
 * database bench_gridcare) or the same jar with the {@code stock} profile ({@code stock}, port 8091,
 * database bench_stock), each on an emptied PostgreSQL database; or only its start-up
 * ({@code startup SIDE postgres|h2}). Figures go to target/bench/performance/SIDE*.tsv.
 *
 * <pre>
 *   PerformanceSuite gridcare|stock [workload,...]
 *   PerformanceSuite startup gridcare|stock postgres|h2
 * </pre>
 */
public final class PerformanceSuite {

    static final Path OUT = Path.of("target/bench/performance");
    /** In an order that lets each workload use the open cases the ones before it left (fewer to register). */
    static final List<String> WORKLOADS = List.of("intake", "completion", "storm", "idle-timers", "soak", "inbox", "night");
    /**
     * The stock side runs the workloads whose targets compare with stock (the 30-minute budget leaves no
     * room for the soak and the night run, which have no stock figure).
     */
    static final List<String> STOCK_WORKLOADS = List.of("intake", "completion", "storm", "idle-timers", "inbox");

    public static void main(String[] args) throws Exception {
        if (args.length == 0) throw new IllegalArgumentException("usage: gridcare|stock [workloads] | startup SIDE postgres|h2");
        int failed;
        if (args[0].equals("startup")) {
            failed = startup(args[1], args[2]);
        } else {
            var chosen = args.length > 1 ? List.of(args[1].split(","))
                    : args[0].equals("stock") ? STOCK_WORKLOADS : WORKLOADS;
            failed = run(args[0], chosen);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private static int port(String side) {
        return side.equals("stock") ? 8091 : 8090;
    }

    /** The side's database: bench_SIDE, or the one -Dbench.database names (emptied, as bench_SIDE is). */
    private static String postgresUrl(String side) {
        return System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/")
                + System.getProperty("bench.database", "bench_" + side);
    }

    private static int run(String side, List<String> chosen) throws Exception {
        var figures = new Figures(side);
        var url = postgresUrl(side);
        emptyDatabase(url);
        try (var context = boot(side, url, figures, "PostgreSQL, empty database")) {
            var bench = new Bench(side, context, port(side), figures);
            bench.user();
            var sizes = Sizes.full();
            bench.customers(sizes.customers());
            var workloads = new Workloads(bench, sizes);
            int failed = 0;
            for (var name : chosen) {
                if (name.equals("night") && side.equals("stock")) continue;
                long start = System.nanoTime();
                try {
                    run(workloads, name);
                } catch (RuntimeException e) {
                    failed++;
                    System.err.println("[" + side + "] " + name + " failed");
                    e.printStackTrace();
                }
                System.out.printf("[%s] %s took %.0f s%n", side, name, (System.nanoTime() - start) / 1e9);
                figures.write(OUT.resolve(side + ".tsv"));
            }
            return failed;
        }
    }

    static void run(Workloads workloads, String name) {
        switch (name) {
            case "intake" -> workloads.intake();
            case "completion" -> workloads.completion();
            case "inbox" -> workloads.inbox();
            case "storm" -> workloads.storm();
            case "idle-timers" -> workloads.idleTimers();
            case "soak" -> workloads.soak();
            case "night" -> workloads.night();
            default -> throw new IllegalArgumentException("no workload " + name + "; one of " + WORKLOADS);
        }
    }

    private static int startup(String side, String database) throws Exception {
        var figures = new Figures(side);
        String url;
        String label;
        if (database.equals("h2")) {
            var dir = OUT.resolve("h2-" + side);
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            url = "jdbc:h2:file:./" + dir + "/gridcare;DB_CLOSE_ON_EXIT=FALSE";
            label = "H2 file, empty database";
        } else {
            url = postgresUrl(side);
            label = "PostgreSQL, existing database";
        }
        try (var context = boot(side, url, figures, label)) {
            figures.write(OUT.resolve(side + "-startup-" + database + ".tsv"));
        }
        return 0;
    }

    /** Starts the application and records the time from JVM start to ready and the resident memory then. */
    private static ConfigurableApplicationContext boot(String side, String url, Figures figures, String label)
            throws Exception {
        var properties = new HashMap<String, Object>(Map.of(
                "spring.datasource.url", url,
                "server.port", port(side),
                "gridcare.demo.enabled", false,
                "gridcare.models.watch", false,
                "gridcare.rules.watch", false,
                "gridcare.rules.cache-dir", OUT.resolve("rules-cache-" + side).toString(),
                "logging.level.root", "warn",
                "spring.main.banner-mode", "off"));
        if (url.startsWith("jdbc:postgresql:")) {
            properties.put("spring.datasource.username", System.getProperty("bench.postgres.user", "postgres"));
            properties.put("spring.datasource.password", System.getProperty("bench.postgres.password", ""));
        } else {
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        // as command-line arguments: they win over application.yaml, as an operator's would
        // -Dbench.args="--camunda.bpm.job-execution.max-jobs-per-acquisition=10 ...": a tuning to try on GridCare's side
        var extra = side.equals("stock") || System.getProperty("bench.args", "").isBlank() ? new String[0]
                : System.getProperty("bench.args").trim().split("\\s+");
        var arguments = java.util.stream.Stream.concat(
                properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                java.util.Arrays.stream(extra)).toArray(String[]::new);
        var context = new SpringApplicationBuilder(GridCareApplication.class)
                .profiles(side.equals("stock") ? new String[] {"stock"} : new String[0])
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new StatementCounter()))
                .run(arguments);
        double seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
        figures.add("start-up", "JVM start to ready, " + label, seconds, "s", Figures.Better.LOWER, "measured");
        figures.add("start-up", "resident memory when ready, " + label, residentMegabytes(), "MB", Figures.Better.LOWER,
                "measured");
        return context;
    }

    private static double residentMegabytes() {
        try {
            for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        } catch (Exception e) {
            // not Linux: no figure
        }
        return Double.NaN;
    }

    /** Creates the database when missing and empties it, so each run starts alike. */
    private static void emptyDatabase(String url) throws SQLException {
        var user = System.getProperty("bench.postgres.user", "postgres");
        var password = System.getProperty("bench.postgres.password", "");
        var name = url.substring(url.lastIndexOf('/') + 1);
        try (var admin = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", user, password);
             var statement = admin.createStatement();
             var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!exists.next()) statement.execute("CREATE DATABASE " + name);
        }
        try (var connection = DriverManager.getConnection(url, user, password);
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }
}
