package com.gridcare.performance;

import com.gridcare.GridCareApplication;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * bench/performance.sh: GridCare as shipped ({@code gridcare}, port 8090, database bench_gridcare) and the
 * same jar with the {@code stock} profile ({@code stock}, port 8091, database bench_stock), each in a JVM
 * of its own ({@link SideProcess}) on an emptied PostgreSQL database, both up throughout. Workloads run
 * one side at a time, the other idle (no job due); intake and completion in alternating rounds (GridCare,
 * stock, GridCare, stock, …) so that the machine's drift between runs hits both sides alike. Then
 * GridCare's start-up on H2. Figures go to target/bench/performance/SIDE*.tsv, the time each phase took
 * to phases.tsv.
 *
 * <pre>
 *   PerformanceSuite [workload,...]                   both sides, the workloads named (all by default)
 *   PerformanceSuite side gridcare|stock              one side, workload and round read from standard input
 *   PerformanceSuite startup gridcare|stock postgres|h2
 * </pre>
 */
public final class PerformanceSuite {

    static final Path OUT = Path.of("target/bench/performance");
    /** In an order that lets each workload use the open cases the ones before it left (fewer to register). */
    static final List<String> WORKLOADS = List.of("intake", "completion", "storm", "idle-timers", "soak", "inbox", "night");
    /** The night run has no stock figure to compare with. */
    static final List<String> STOCK_WORKLOADS = List.of("intake", "completion", "storm", "idle-timers", "soak", "inbox");
    /** Measured in {@link Sizes#rounds()} alternating rounds, reported as the median of each side's rounds. */
    static final List<String> IN_ROUNDS = List.of("intake", "completion");

    public static void main(String[] args) throws Exception {
        int failed;
        if (args.length > 0 && args[0].equals("startup")) {
            failed = startup(args[1], args[2]);
        } else if (args.length > 0 && args[0].equals("side")) {
            failed = side(args[1]);
        } else {
            failed = suite(args.length > 0 && !args[0].isBlank() ? List.of(args[0].split(",")) : WORKLOADS);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private static int port(String side) {
        return side.equals("stock") ? 8091 : 8090;
    }

    /** The side's database: PREFIX_SIDE, PREFIX from -Dbench.database-prefix (bench by default). */
    private static String postgresUrl(String side) {
        return System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/")
                + System.getProperty("bench.database-prefix", "bench") + "_" + side;
    }

    private static int suite(List<String> chosen) throws Exception {
        for (var name : chosen) {
            if (!WORKLOADS.contains(name)) throw new IllegalArgumentException("no workload " + name + "; one of " + WORKLOADS);
        }
        long suiteStart = System.nanoTime();
        var phases = new ArrayList<String>();
        int failed = 0;
        var sides = new ArrayList<SideProcess>();
        try {
            // one after the other: each start-up is measured on an otherwise idle machine
            for (var side : List.of("gridcare", "stock")) {
                if (chosen.stream().noneMatch(w -> runs(side, w))) continue;
                long start = System.nanoTime();
                sides.add(SideProcess.start(side));
                phases.add(phase(side + ": start-up, users and customers", start));
            }
            int rounds = Sizes.full().rounds();
            for (var workload : WORKLOADS) {
                if (!chosen.contains(workload)) continue;
                boolean inRounds = IN_ROUNDS.contains(workload);
                for (int round = inRounds ? 1 : 0; round <= (inRounds ? rounds : 0); round++) {
                    for (var side : sides) {
                        if (!runs(side.side, workload)) continue;
                        long start = System.nanoTime();
                        if (!side.run(workload, round)) failed++;
                        phases.add(phase(side.side + ": " + workload + (round > 0 ? ", round " + round : ""), start));
                    }
                }
            }
        } finally {
            for (var side : sides) side.close();
        }
        // start-up on PostgreSQL is each side's first boot above (empty database); on H2 here
        long start = System.nanoTime();
        if (!SideProcess.runToEnd("startup", "gridcare", "h2")) failed++;
        phases.add(phase("gridcare: start-up on H2", start));
        phases.add(phase("suite", suiteStart));
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("phases.tsv"), phases);
        return failed;
    }

    private static boolean runs(String side, String workload) {
        return side.equals("stock") ? STOCK_WORKLOADS.contains(workload) : WORKLOADS.contains(workload);
    }

    /** "NAME\tSECONDS", printed as "NAME took N s". */
    private static String phase(String name, long startNanos) {
        long seconds = Math.round((System.nanoTime() - startNanos) / 1e9);
        System.out.println(name + " took " + seconds + " s");
        return name + "\t" + seconds;
    }

    /** One side, running the workloads its standard input names ("WORKLOAD ROUND") until it ends. */
    private static int side(String side) throws Exception {
        var figures = new Figures(side);
        var url = postgresUrl(side);
        emptyDatabase(url);
        try (var context = boot(side, url, figures, "PostgreSQL, empty database")) {
            var bench = new Bench(side, context, port(side), figures);
            bench.user();
            var sizes = Sizes.full();
            bench.customers(sizes.customers());
            var workloads = new Workloads(bench, sizes);
            workloads.settle();
            figures.write(OUT.resolve(side + ".tsv"));
            System.out.println(SideProcess.ANSWER + "ready");
            var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int failed = 0;
            for (String line; (line = commands.readLine()) != null; ) {
                var command = line.trim().split(" ");
                int round = Integer.parseInt(command[1]);
                var name = command[0] + (round > 0 ? " round " + round : "");
                long start = System.nanoTime();
                boolean ok = true;
                try {
                    run(workloads, command[0], round);
                } catch (RuntimeException e) {
                    ok = false;
                    failed++;
                    System.err.println("[" + side + "] " + name + " failed");
                    e.printStackTrace();
                }
                System.out.printf("[%s] %s took %.0f s%n", side, name, (System.nanoTime() - start) / 1e9);
                workloads.settle();
                figures.write(OUT.resolve(side + ".tsv"));
                System.out.println(SideProcess.ANSWER + (ok ? "ok" : "failed"));
            }
            return failed;
        }
    }

    /** {@code round}: 1, 2, … for the workloads measured in rounds, ignored by the others. */
    static void run(Workloads workloads, String name, int round) {
        switch (name) {
            case "intake" -> workloads.intake(round);
            case "completion" -> workloads.completion(round);
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
