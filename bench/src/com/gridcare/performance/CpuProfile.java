package com.gridcare.performance;

import static com.gridcare.performance.Figures.Better.NEITHER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went during a window of a workload (after its measured rounds), written into the report beside
 * the workload's figures:
 * the machine's CPU split between this JVM and PostgreSQL's processes (/proc), and this JVM's CPU samples
 * (Java Flight Recorder, one every 10 ms per running thread) by thread kind, by the layer the CPU was spent
 * in, by larger pieces of work they were part of, and by the GridCare call they were spent under. It is what
 * bounds a throughput that misses its target; both sides run the same code, so their rows line up.
 */
final class CpuProfile {

    /** A layer of the application, recognised by the packages of a frame. */
    private record Layer(String name, Predicate<String> frame) {}

    /**
     * Where a sample's CPU was spent: the layer of the frame nearest the top of its stack that is not the JDK's
     * (a sample in {@code HashMap.get} called by MyBatis is MyBatis's). In this order: the first layer that
     * matches names the frame.
     */
    private static final List<Layer> SPENT_IN = List.of(
            new Layer("JDBC driver and pool (org.postgresql, HikariCP, H2)", f -> f.startsWith("org.postgresql.")
                    || f.startsWith("com.zaxxer.hikari.") || f.startsWith("org.h2.")),
            new Layer("MyBatis (SQL mapping)", f -> f.startsWith("org.apache.ibatis.")),
            new Layer("process engine (org.camunda.bpm)", f -> f.startsWith("org.camunda.")),
            new Layer("rules (Drools)", f -> f.startsWith("org.drools.") || f.startsWith("org.kie.") || f.startsWith("org.mvel")),
            new Layer("GridCare's code (com.gridcare)", f -> f.startsWith("com.gridcare.")),
            new Layer("JSON (Jackson)", f -> f.startsWith("com.fasterxml.jackson.")),
            new Layer("Spring Security", f -> f.startsWith("org.springframework.security.")),
            new Layer("HTTP server (Tomcat)", f -> f.startsWith("org.apache.catalina.") || f.startsWith("org.apache.coyote.")
                    || f.startsWith("org.apache.tomcat.")),
            new Layer("Spring (MVC, transactions, JDBC)", f -> f.startsWith("org.springframework.")),
            new Layer("other libraries", f -> !isJdk(f)));

    /** Work a sample was part of: a frame of it anywhere on the stack (these overlap each other and the layers above). */
    private static final List<Layer> PART_OF = List.of(
            new Layer("the engine writing a command's changes (DbEntityManager.flush)",
                    f -> f.startsWith("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush")),
            new Layer("the engine's history events", f -> f.startsWith("org.camunda.bpm.engine.impl.history.")),
            new Layer("rule decisions (DecisionService)", f -> f.startsWith("com.gridcare.rules.runtime.DecisionService.")),
            new Layer("job acquisition and execution", f -> f.startsWith("org.camunda.bpm.engine.impl.jobexecutor.")));

    private static final Map<String, Boolean> GRIDCARE_CALLS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A class of GridCare's that is not a command interceptor or servlet filter (they wrap every call) nor the benchmark. */
    private static boolean isGridCareCall(String type) {
        if (!type.startsWith("com.gridcare.") || type.startsWith("com.gridcare.performance.")) return false;
        return GRIDCARE_CALLS.computeIfAbsent(type, name -> {
            try {
                var c = Class.forName(name.replaceAll("\\$\\$.*", ""), false, CpuProfile.class.getClassLoader());
                return !org.camunda.bpm.engine.impl.interceptor.CommandInterceptor.class.isAssignableFrom(c)
                        && !jakarta.servlet.Filter.class.isAssignableFrom(c);
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        });
    }

    private static boolean isJdk(String frame) {
        return frame.startsWith("java.") || frame.startsWith("javax.") || frame.startsWith("jdk.") || frame.startsWith("sun.")
                || frame.startsWith("com.sun.");
    }

    /** How many of GridCare's methods with the most samples under them the report lists. */
    private static final int TOP_METHODS = 8;

    private final Recording recording = new Recording();
    private final Ticks before = Ticks.read();
    private Ticks after;

    private CpuProfile() {
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.setToDisk(true);
        recording.start();
    }

    /** Starts profiling this JVM and reading the machine's CPU counters. */
    static CpuProfile start() {
        return new CpuProfile();
    }

    /** Stops profiling; {@link #addTo} then reads what was recorded. */
    CpuProfile stop() {
        after = Ticks.read();
        recording.stop();
        return this;
    }

    /** Adds the profile as the figures of {@code workload} (e.g. "intake: where the CPU went"). */
    void addTo(Figures figures, String side, String workload) {
        var file = PerformanceSuite.OUT.resolve(side + "-" + workload.replaceAll("\\W+", "-") + ".jfr");
        try {
            Files.createDirectories(file.getParent());
            recording.dump(file);
            recording.close();
            add(figures, workload, after, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Figures figures, String workload, Ticks after, Path file) throws IOException {
        if (before != null && after != null && after.total > before.total) {
            double total = after.total - before.total;
            figures.add(workload, "machine CPU busy", 100 * (after.busy - before.busy) / total, "%", NEITHER, null);
            figures.add(workload, "of the machine: this JVM (application and the benchmark's clients)",
                    100 * (after.jvm - before.jvm) / total, "%", NEITHER, null);
            figures.add(workload, "of the machine: PostgreSQL's processes", 100 * (after.postgres - before.postgres) / total,
                    "%", NEITHER, null);
        }
        var threads = new LinkedHashMap<String, Integer>();
        var spentIn = new LinkedHashMap<String, Integer>();
        var partOf = new LinkedHashMap<String, Integer>();
        var methods = new HashMap<String, Integer>();
        int samples = 0;
        int application = 0;
        for (var event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) continue;
            samples++;
            var thread = event.getThread("sampledThread");
            var kind = kind(thread == null ? "" : thread.getJavaName());
            threads.merge(kind, 1, Integer::sum);
            if (kind.equals(CLIENTS) || event.getStackTrace() == null) continue;
            application++;
            var frames = event.getStackTrace().getFrames().stream().map(CpuProfile::name).toList();
            var spent = frames.stream().filter(f -> !isJdk(f)).findFirst()
                    .flatMap(f -> SPENT_IN.stream().filter(l -> l.frame().test(f)).findFirst())
                    .map(Layer::name).orElse("the JDK alone");
            spentIn.merge(spent, 1, Integer::sum);
            for (var layer : PART_OF) {
                if (frames.stream().anyMatch(layer.frame())) partOf.merge(layer.name(), 1, Integer::sum);
            }
            // GridCare's call nearest the top of the stack, past the interceptors and filters every call goes through
            event.getStackTrace().getFrames().stream().map(f -> f.getMethod().getType().getName())
                    .filter(CpuProfile::isGridCareCall).findFirst().ifPresent(type -> {
                        var frame = frames.stream().filter(f -> f.startsWith(type + ".")).findFirst().orElse(type);
                        methods.merge(frame.replaceAll("\\$\\$Lambda.*|\\$\\$SpringCGLIB.*", ""), 1, Integer::sum);
                    });
        }
        figures.add(workload, "CPU samples of this JVM (every 10 ms per running thread)", samples, "", NEITHER, null);
        for (var kind : List.of(REQUESTS, JOBS, CLIENTS, OTHER)) {
            figures.add(workload, "samples in " + kind, percent(threads.getOrDefault(kind, 0), samples), "%", NEITHER, null);
        }
        for (var layer : java.util.stream.Stream.concat(SPENT_IN.stream().map(Layer::name), java.util.stream.Stream.of("the JDK alone")).toList()) {
            figures.add(workload, "application's samples spent in " + layer, percent(spentIn.getOrDefault(layer, 0), application),
                    "%", NEITHER, null);
        }
        for (var layer : PART_OF) {
            figures.add(workload, "application's samples part of " + layer.name(),
                    percent(partOf.getOrDefault(layer.name(), 0), application), "%", NEITHER, null);
        }
        int total = application;
        methods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP_METHODS)
                .forEach(m -> figures.add(workload, "application's samples under " + m.getKey() + " (GridCare's call nearest the work)",
                        percent(m.getValue(), total),
                        "%", NEITHER, null));
    }

    static final String REQUESTS = "HTTP request threads";
    static final String JOBS = "job executor threads";
    static final String CLIENTS = "the benchmark's client threads";
    static final String OTHER = "other threads";

    private static String kind(String thread) {
        if (thread.startsWith("http-nio-")) return REQUESTS;
        if (thread.startsWith(Workloads.CLIENT_THREAD)) return CLIENTS;
        if (thread.toLowerCase(java.util.Locale.ROOT).contains("jobexecutor")
                || thread.toLowerCase(java.util.Locale.ROOT).contains("camunda")) return JOBS;
        return OTHER;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }

    /** CPU time so far in clock ticks: the machine's (busy and in all), this JVM's and PostgreSQL's processes'. */
    private record Ticks(long busy, long total, long jvm, long postgres) {

        static Ticks read() {
            try {
                var machine = Workloads.Cpu.read();
                if (machine == null) return null;
                long postgres = 0;
                try (var processes = Files.list(Path.of("/proc"))) {
                    for (var dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                        var stat = processTicks(dir);
                        if (stat != null && stat.command().equals("postgres")) postgres += stat.ticks();
                    }
                }
                var self = processTicks(Path.of("/proc/self"));
                return new Ticks(machine.busy(), machine.total(), self == null ? 0 : self.ticks(), postgres);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private record ProcessTicks(String command, long ticks) {}

        /** utime + stime of /proc/PID/stat (fields 14 and 15; the command in parentheses may hold spaces). */
        private static ProcessTicks processTicks(Path dir) {
            try {
                var stat = Files.readString(dir.resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                var fields = stat.substring(close + 2).split(" ");
                return new ProcessTicks(stat.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException e) {
                return null; // the process ended meanwhile
            }
        }
    }
}
