package com.gridcare.performance;

import com.gridcare.kernel.process.CaseVariables;

import static com.gridcare.performance.Figures.Better.HIGHER;
import static com.gridcare.performance.Figures.Better.LOWER;
import static com.gridcare.performance.Figures.Better.NEITHER;

import com.gridcare.kernel.EngineClock;
import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.CaseStatus;
import com.gridcare.cases.Channel;
import com.gridcare.cases.ServiceCase;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.complaint.ComplaintIntake;
import com.gridcare.complaint.ComplaintRequest;
import com.gridcare.customer.NightRetiering;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workloads of bench/performance.sh against one running GridCare, each measured through the
 * entry points staff and channels use (the HTTP API, the engine's REST API, the job executor) on the
 * shipped complaint-handling model.
 */
final class Workloads {

    /** Id prefix of the night run's synthetic customers (no other test's customers start with it). */
    static final String NIGHT = "NIGHT-";
    static final String CONTACT_TASK = "Task_ContactCustomer";
    static final String WARNING_TIMER = "BoundaryEvent_FirstContactWarning";
    static final String OVERDUE_TIMER = "BoundaryEvent_FirstContactOverdue";
    /** Name prefix of the threads that send the workloads' requests (told apart from the application's in a CPU profile). */
    static final String CLIENT_THREAD = "bench-client-";
    static final String CONTACTED = "{\"variables\": {\"contactOutcome\": \"REACHED\", \"contactNote\": \"Called the customer back and agreed the next steps\"}}";

    private final Bench bench;
    private final Sizes sizes;
    private final Figures figures;
    private final AtomicInteger sequence = new AtomicInteger();

    Workloads(Bench bench, Sizes sizes) {
        this.bench = bench;
        this.sizes = sizes;
        this.figures = bench.figures;
    }

    // ---------------------------------------------------------------- intake

    private String complaint(int n) {
        var categories = ComplaintCategory.values();
        return """
                {"customerId": "%s", "channel": "%s", "category": "%s",
                 "description": "No power since this morning in the whole building, neighbours too", "contactPhone": "13800138000"}"""
                .formatted(bench.customers.get(n % bench.customers.size()), Channel.HOTLINE,
                        categories[n % categories.length]);
    }

    /** One complaint through {@code POST /api/v1/complaints}, as a channel sends it (with an idempotency key). */
    boolean intakeOverHttp(int n) {
        var answer = bench.post("/api/v1/complaints", complaint(n), "Idempotency-Key", UUID.randomUUID().toString());
        if (answer.status() != 201) failure("intake", answer);
        return answer.status() == 201;
    }

    /** One complaint through GridCare's intake service in the caller's thread (no HTTP), to fill the inbox. */
    private boolean intakeInProcess(int n) {
        var categories = ComplaintCategory.values();
        var request = new ComplaintRequest(bench.customers.get(n % bench.customers.size()), Channel.WEB,
                categories[n % categories.length], "Meter shows twice last month's use", null, null);
        bench.transactions.executeWithoutResult(tx -> bench.bean(ComplaintIntake.class).register(request));
        return true;
    }

    /**
     * The same model started through the engine's Java API with the variables the intake gives it, and
     * the case row its delegates read: no HTTP, validation, idempotency or receipt.
     */
    private boolean bareStart(int n) {
        var cases = bench.bean(CaseRepository.class);
        var runtime = bench.bean(RuntimeService.class);
        var clock = bench.bean(Clock.class);
        var customer = bench.customers.get(n % bench.customers.size());
        var category = ComplaintCategory.values()[n % ComplaintCategory.values().length].name();
        bench.transactions.executeWithoutResult(tx -> {
            var now = OffsetDateTime.now(clock);
            var caseId = cases.nextId(CaseKind.COMPLAINT, now.atZoneSameInstant(EngineClock.ZONE).getYear());
            cases.insert(new ServiceCase(caseId, CaseKind.COMPLAINT, customer, Channel.HOTLINE, category,
                    "No power since this morning", null, null, now, null, CaseStatus.OPEN, "RECEIVED", null, null,
                    null, null, null), now);
            runtime.createProcessInstanceByKey(ComplaintIntake.PROCESS_KEY).businessKey(caseId)
                    .setVariables(Map.of(CaseVariables.CASE_ID, caseId, CaseVariables.CUSTOMER_ID, customer))
                    .execute();
        });
        return true;
    }

    /**
     * One round of intake: HTTP and bare engine starts, each after a warm-up. The JIT is warm after the
     * first round: later rounds warm up a third as long, to bring the database's caches back after the
     * other side's round. Statements are counted in the first round only (they do not vary).
     */
    void intake(int round) {
        var measured = figures.round(round);
        // each round adds thousands of cases: statistics as autovacuum would have them by then
        analyze();
        int warmUpSeconds = round <= 1 ? sizes.warmUpSeconds() : Math.max(1, sizes.warmUpSeconds() / 3);
        var warmUp = closedLoop(sizes.clients(), warmUpSeconds, 0, this::intakeOverHttp);
        closedLoop(sizes.clients(), warmUpSeconds, 0, this::bareStart);
        measured.add("intake", "warm-up requests (not counted)", warmUp.count(), "", NEITHER, null);
        if (round <= 1) statementsPer("intake", "POST /api/v1/complaints", 50, this::intakeOverHttp);
        var http = closedLoop(sizes.clients(), sizes.intakeSeconds(), 0, this::intakeOverHttp);
        profileAfterLastRound(round, "intake: where the CPU went",
                () -> closedLoop(sizes.clients(), Math.max(1, sizes.intakeSeconds() / 2), 0, this::intakeOverHttp));
        measured.add("intake", "requests/s, " + sizes.clients() + " clients", http.perSecond(), "/s", HIGHER, "≥ 2.5 × stock");
        measured.add("intake", "p50", http.latencies().percentileMillis(0.5), "ms", LOWER, null);
        measured.add("intake", "p99", http.latencies().percentileMillis(0.99), "ms", LOWER, "≤ 100 ms");
        measured.add("intake", "failed requests", http.failures(), "", LOWER, "0");
        if (round <= 1) statementsPer("intake", "bare engine start (Java API)", 50, this::bareStart);
        var bare = closedLoop(sizes.clients(), sizes.intakeSeconds(), 0, this::bareStart);
        measured.add("intake", "bare engine starts/s (Java API)", bare.perSecond(), "/s", HIGHER, null);
        measured.add("intake", "bare engine start p99", bare.latencies().percentileMillis(0.99), "ms", LOWER, null);
        measured.add("intake", "intake ÷ bare engine start", http.perSecond() / bare.perSecond(), "×", HIGHER, "≥ 0.8");
    }

    // ---------------------------------------------------------------- open tasks

    private long openTasks() {
        return bench.bean(TaskService.class).createTaskQuery().count();
    }

    private long contactTasks() {
        return bench.bean(TaskService.class).createTaskQuery().taskDefinitionKey(CONTACT_TASK).count();
    }

    /** Registers complaints until {@code target} tasks are open (each complaint opens one). */
    void fillTo(int target, String why) {
        fill(target, this::openTasks, why);
    }

    /** Registers complaints until {@code have} reaches {@code target} (each complaint adds one). */
    private void fill(int target, LongSupplier have, String why) {
        long missing = target - have.getAsLong();
        if (missing <= 0) return;
        long start = System.nanoTime();
        var run = closedLoop(sizes.clients(), 0, (int) missing, this::intakeInProcess);
        figures.add("set-up", "complaints registered for " + why, run.count(), "", NEITHER, null);
        figures.add("set-up", "complaints registered for " + why + ", per second", run.count() / ((System.nanoTime() - start) / 1e9),
                "/s", HIGHER, null);
        analyze();
    }

    /**
     * Fresh planner statistics after a bulk set-up, as autovacuum keeps them in production. Without them
     * PostgreSQL plans the engine's queries for the empty tables it saw last, e.g. an execution's
     * variables through the index of all variables without a task (3.7 ms instead of 0.05 ms at 3,000
     * open cases); this machine's PostgreSQL even runs with autovacuum off.
     */
    private void analyze() {
        if (bench.postgres) bench.jdbc.sql("ANALYZE").update();
    }

    // ---------------------------------------------------------------- task completion

    /**
     * One round of task completion: the oldest {@code completions} "Contact customer" tasks of at least
     * {@code openTasks} open ones (topped up by registering complaints when fewer are open), so every
     * round of either side completes as many tasks among as many open ones.
     */
    void completion(int round) {
        var measured = figures.round(round);
        // in the first round 30 more are completed one by one first, to count their statements
        int counted = round <= 1 ? 60 : 0;
        // and in the last round a quarter more, completed under a CPU profile after the round's figures
        int profiled = round == sizes.rounds() ? Math.max(40, sizes.completions() / 4) : 0;
        var why = round <= 1 ? "task completion" : "task completion, round " + round;
        fill(sizes.completions() + counted + profiled, this::contactTasks, why);
        copyOpenTasks(sizes.openTasks(), why);
        var open = openTasks();
        var ids = new ConcurrentLinkedQueue<>(bench.bean(TaskService.class).createTaskQuery()
                .taskDefinitionKey(CONTACT_TASK).orderByTaskCreateTime().asc()
                .listPage(0, sizes.completions() + counted + profiled).stream().map(Task::getId).toList());
        IntPredicate complete = n -> {
            var id = ids.poll();
            if (id == null) return false;
            var answer = bench.post("/api/v1/tasks/" + id + "/complete", CONTACTED);
            if (answer.status() != 200) failure("completion", answer);
            return answer.status() == 200;
        };
        if (round <= 1) statementsPer("task completion", "POST /api/v1/tasks/{id}/complete", 30, complete);
        int count = Math.min(sizes.completions(), ids.size());
        var run = closedLoop(sizes.clients(), 0, count, complete);
        profileAfterLastRound(round, "task completion: where the CPU went",
                () -> closedLoop(sizes.clients(), 0, ids.size(), complete));
        measured.add("task completion", "open tasks", open, "", NEITHER, "20,000");
        measured.add("task completion", "completions/s, " + sizes.clients() + " clients", run.perSecond(), "/s", HIGHER,
                "≥ 2.5 × stock");
        measured.add("task completion", "p50", run.latencies().percentileMillis(0.5), "ms", LOWER, null);
        measured.add("task completion", "p99", run.latencies().percentileMillis(0.99), "ms", LOWER, "≤ 100 ms");
        measured.add("task completion", "failed", run.failures(), "", LOWER, "0");
    }

    // ---------------------------------------------------------------- inbox

    /**
     * The inbox's first page of 50, newest first, through the engine's REST API (as Tasklist asks it), for
     * an agent of one group ({@link Bench#FRONT_LINE}, candidate group customer-service) and an agent of
     * every staff group ({@link Bench#USER}, no candidate filter: every task the grants let it see).
     * Run alone on an empty database it registers {@code inboxSeed} complaints (500) first, then copies them.
     */
    void inbox() {
        fillTo(Math.min(sizes.inboxSeed(), sizes.inboxTasks()), "the inbox query (seed, copied from then on)");
        copyOpenTasks(sizes.inboxTasks(), "the inbox query");
        var open = openTasks();
        figures.add("inbox query", "open tasks", open, "", NEITHER, "50,000");
        figures.add("inbox query", "of which copies of open tasks made by SQL", bench.jdbc.sql(
                "SELECT COUNT(*) FROM ACT_RU_TASK WHERE EXECUTION_ID_ IS NULL").query(Long.class).single(), "", NEITHER, null);
        var page = "sortBy=created&sortOrder=desc&firstResult=0&maxResults=50";
        inboxAs("agent of customer-service", Bench.FRONT_LINE, "/engine-rest/task?candidateGroup=customer-service&" + page);
        inboxAs("agent of every staff group", Bench.USER, "/engine-rest/task?" + page);
    }

    private void inboxAs(String who, String user, String path) {
        var rows = new AtomicInteger();
        IntPredicate query = n -> {
            var answer = bench.get(user, path);
            if (answer.status() != 200) failure("inbox", answer);
            rows.set(answer.body().split("\"id\"").length - 1);
            return answer.status() == 200;
        };
        closedLoop(1, 0, Math.max(5, sizes.inboxQueries() / 10), query);
        var run = closedLoop(1, 0, sizes.inboxQueries(), query);
        figures.add("inbox query", who + ": tasks on the first page", rows.get(), "", NEITHER, "50");
        figures.add("inbox query", who + ": p50", run.latencies().percentileMillis(0.5), "ms", LOWER, null);
        figures.add("inbox query", who + ": p99", run.latencies().percentileMillis(0.99), "ms", LOWER, "≤ 50 ms");
        figures.add("inbox query", who + ": failed", run.failures(), "", LOWER, "0");
        if (bench.postgres) explainPage(who, () -> query.test(0));
    }

    private static final java.util.regex.Pattern TASK_PAGE =
            java.util.regex.Pattern.compile("(?is).*\\bfrom\\s+act_ru_task\\s+res\\b.*\\blimit\\b.*");

    /**
     * The page's statement as PostgreSQL runs it ({@link StatementPlan}): the plan goes to
     * target/bench/performance/SIDE-inbox-WHO.plan, which the report prints, and its time is a figure.
     */
    private void explainPage(String who, Runnable query) {
        var plan = StatementPlan.explain(
                (ProcessEngineConfigurationImpl) bench.bean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration(), bench.bean(javax.sql.DataSource.class),
                sql -> TASK_PAGE.matcher(sql).matches(), query);
        double millis = plan.stream().filter(l -> l.matches("(Planning|Execution) Time: .*"))
                .mapToDouble(l -> Double.parseDouble(l.replaceAll("[^0-9.]", ""))).sum();
        figures.add("inbox query", who + ": the page's statement in PostgreSQL, planning and execution (EXPLAIN ANALYZE)",
                millis, "ms", LOWER, null);
        var file = PerformanceSuite.OUT.resolve(bench.side + "-inbox-" + who.replaceAll("\\W+", "-") + ".plan");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, plan);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code target} tasks open by copying open tasks row for row, with their candidate links and the grants
     * the engine made for them, under new ids: the rows the inbox query reads and a completion's queries look up
     * among, exactly as the engine writes them, in seconds (registering 30,000 more complaints would take minutes of
     * the suite's thirty). A copy belongs to no execution and has no task definition key: a standalone task to the
     * engine, which no workload completes and whose case's end does not touch.
     */
    private int copyOpenTasks(int target, String why) {
        int missing = (int) (target - openTasks());
        if (missing <= 0) return 0;
        var originals = bench.jdbc.sql("SELECT ID_ FROM ACT_RU_TASK ORDER BY ID_").query(String.class).list();
        var uuid = bench.postgres ? "CAST(gen_random_uuid() AS VARCHAR)" : "CAST(RANDOM_UUID() AS VARCHAR)";
        var task = copySql("ACT_RU_TASK", "ID_ = ?",
                Map.of("ID_", "?", "EXECUTION_ID_", "NULL", "PROC_INST_ID_", "NULL", "TASK_DEF_KEY_", "NULL"));
        var links = copySql("ACT_RU_IDENTITYLINK", "TASK_ID_ = ?", Map.of("ID_", uuid, "TASK_ID_", "?"));
        var grants = copySql("ACT_RU_AUTHORIZATION", "RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ = ?",
                Map.of("ID_", uuid, "RESOURCE_ID_", "?"));
        var template = bench.bean(JdbcTemplate.class);
        long start = System.nanoTime();
        for (int from = 0; from < missing; from += 1_000) {
            var rows = new ArrayList<Object[]>();
            for (int i = from; i < Math.min(missing, from + 1_000); i++) {
                rows.add(new Object[] {UUID.randomUUID().toString(), originals.get(i % originals.size())});
            }
            bench.transactions.executeWithoutResult(tx -> {
                template.batchUpdate(task, rows);
                template.batchUpdate(links, rows);
                template.batchUpdate(grants, rows);
            });
        }
        figures.add("set-up", "open tasks copied for " + why, missing, "", NEITHER, null);
        figures.add("set-up", "open tasks copied for " + why + ", taking", (System.nanoTime() - start) / 1e9, "s",
                NEITHER, null);
        analyze();
        return missing;
    }

    /**
     * {@code INSERT INTO table SELECT ... FROM table WHERE where}: every column as it is but those {@code values}
     * gives an SQL expression for ({@code ?}: the copy's id, the first parameter); the where clause takes the second.
     */
    private String copySql(String table, String where, Map<String, String> values) {
        var columns = bench.jdbc.sql("SELECT * FROM " + table + " WHERE 1 = 0").query(rs -> {
            var names = new ArrayList<String>();
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) names.add(meta.getColumnName(i).toUpperCase());
            return names;
        });
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", columns.stream().map(c -> values.getOrDefault(c, c)).toList())
                + " FROM " + table + " WHERE " + where;
    }

    // ---------------------------------------------------------------- timers

    private String jobDefinitions(String activityId) {
        return "JOB_DEF_ID_ IN (SELECT ID_ FROM ACT_RU_JOBDEF WHERE ACT_ID_ = '" + activityId + "')";
    }

    /** Makes {@code count} first-contact warnings due at one instant and waits until the job executor has run them all. */
    void storm() {
        fill(sizes.stormTimers(), () -> bench.jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE " + jobDefinitions(WARNING_TIMER)
                + " AND DUEDATE_ > ?").param(new Timestamp(System.currentTimeMillis() + 60_000)).query(Long.class).single(),
                "the escalation storm");
        var due = new Timestamp(System.currentTimeMillis() - 1);
        var future = new Timestamp(System.currentTimeMillis() + 60_000);
        int timers = bench.jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ IN (SELECT ID_ FROM ACT_RU_JOB WHERE "
                        + jobDefinitions(WARNING_TIMER) + " AND DUEDATE_ > ? ORDER BY ID_ LIMIT ?)")
                .params(due, future, sizes.stormTimers()).update();
        long start = System.nanoTime();
        var remainingSql = "SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ = ? AND " + jobDefinitions(WARNING_TIMER)
                + " AND EXCEPTION_MSG_ IS NULL";
        long remaining = timers;
        long deadline = start + TimeUnit.SECONDS.toNanos(sizes.stormTimeoutSeconds());
        while (remaining > 0 && System.nanoTime() < deadline) {
            sleep(100);
            remaining = bench.jdbc.sql(remainingSql).param(due).query(Long.class).single();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // what the time-out left is made due in an hour again, so it does not weigh on the workloads after it
        bench.jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE DUEDATE_ = ? AND LOCK_OWNER_ IS NULL AND "
                + jobDefinitions(WARNING_TIMER)).params(new Timestamp(System.currentTimeMillis() + 3_600_000L), due).update();
        long failed = bench.jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ = ? AND "
                + jobDefinitions(WARNING_TIMER) + " AND EXCEPTION_MSG_ IS NOT NULL").param(due).query(Long.class).single();
        double perSecond = (timers - remaining) / seconds;
        figures.add("escalation storm", "timers due at once", timers, "", NEITHER, "10,000");
        figures.add("escalation storm", "timers/s", perSecond, "/s", HIGHER, null);
        // not drained within the time-out: projected from the rate, and "timers left" says how many were still due
        figures.add("escalation storm", "time to drain (projected from timers/s if timers are left)",
                remaining == 0 ? seconds : timers / perSecond, "s", LOWER, "≤ 50 s");
        figures.add("escalation storm", "timers left after " + sizes.stormTimeoutSeconds() + " s (unfired or failed)",
                remaining + failed, "", LOWER, "0");
    }

    record Lateness(Latencies latencies, int notFired) {}

    /** First-contact overdue timers not due within the hour, and their process instances. */
    private Map<String, String> overdueTimers(int count) {
        var timers = new java.util.LinkedHashMap<String, String>();
        bench.jdbc.sql("SELECT ID_, PROCESS_INSTANCE_ID_ FROM ACT_RU_JOB WHERE " + jobDefinitions(OVERDUE_TIMER)
                        + " AND DUEDATE_ > ? ORDER BY ID_ DESC LIMIT ?")
                .params(new Timestamp(System.currentTimeMillis() + 3_600_000L), count)
                .query((rs, n) -> timers.put(rs.getString(1), rs.getString(2))).list();
        return timers;
    }

    /**
     * Spreads the timers {@code ids} (first-contact overdue) evenly over the next {@code windowSeconds} and
     * watches (every 50 ms) when each one has run: lateness = seen gone − due, to within the poll.
     */
    Lateness timerLateness(List<String> ids, int windowSeconds) {
        var template = bench.bean(JdbcTemplate.class);
        long first = System.currentTimeMillis() + 2_000;
        long step = ids.isEmpty() ? 0 : windowSeconds * 1000L / ids.size();
        var due = new HashMap<String, Long>();
        var args = new ArrayList<Object[]>();
        for (int i = 0; i < ids.size(); i++) {
            long at = first + i * step;
            due.put(ids.get(i), at);
            args.add(new Object[] {new Timestamp(at), ids.get(i)});
        }
        template.batchUpdate("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ?", args);
        var latencies = new Latencies();
        var pending = new HashSet<>(ids);
        long last = first + windowSeconds * 1000L;
        var sql = "SELECT ID_ FROM ACT_RU_JOB WHERE " + jobDefinitions(OVERDUE_TIMER) + " AND DUEDATE_ >= ? AND DUEDATE_ <= ?";
        while (!pending.isEmpty() && System.currentTimeMillis() < last + 90_000) {
            sleep(50);
            long now = System.currentTimeMillis();
            var left = new HashSet<>(bench.jdbc.sql(sql).params(new Timestamp(first), new Timestamp(last))
                    .query(String.class).list());
            for (var it = pending.iterator(); it.hasNext(); ) {
                var id = it.next();
                if (!left.contains(id)) {
                    latencies.add(TimeUnit.MILLISECONDS.toNanos(Math.max(0, now - due.get(id))));
                    it.remove();
                }
            }
        }
        return new Lateness(latencies, pending.size());
    }

    void idleTimers() {
        fillTo(sizes.idleTimers(), "idle timers");
        var lateness = timerLateness(List.copyOf(overdueTimers(sizes.idleTimers()).keySet()), sizes.idleWindowSeconds());
        report("timer precision, idle", lateness, "≤ 1 s");
    }

    private void report(String workload, Lateness lateness, String target) {
        figures.add(workload, "timers over the window", lateness.latencies().count() + lateness.notFired(), "", NEITHER, null);
        figures.add(workload, "lateness p50", lateness.latencies().percentileMillis(0.5) / 1000, "s", LOWER, null);
        figures.add(workload, "lateness p99", lateness.latencies().percentileMillis(0.99) / 1000, "s", LOWER, target);
        figures.add(workload, "lateness max", lateness.latencies().maxMillis() / 1000, "s", LOWER, null);
        figures.add(workload, "not fired within 90 s of the window", lateness.notFired(), "", LOWER, "0");
    }

    // ---------------------------------------------------------------- soak

    /**
     * Open loop: {@code rate} complaints a second over HTTP, as many task completions, and first-contact
     * overdue timers spread over the soak; latency counts from when a request was due to be sent, so a
     * stalled server is not hidden by clients that wait. The stock side soaks at the same load for
     * {@code stockSoakSeconds}. Requests still waiting for a client thread when the soak ends are not sent
     * but counted: a saturated side would otherwise keep the suite busy for minutes draining its queue.
     */
    void soak() {
        int rate = sizes.soakIntakesPerSecond();
        int seconds = bench.side.equals("stock") ? sizes.stockSoakSeconds() : sizes.soakSeconds();
        // a completed contact leaves its case's next task open: the soak needs enough contact tasks
        fill(rate * seconds + sizes.soakTimers(), this::contactTasks, "the soak");
        // completing a task cancels its timers: the soak's timers belong to cases it does not complete
        var timerIds = overdueTimers(sizes.soakTimers());
        var timerCases = new HashSet<>(timerIds.values());
        var ids = new ConcurrentLinkedQueue<>(bench.bean(TaskService.class).createTaskQuery()
                .taskDefinitionKey(CONTACT_TASK).orderByTaskCreateTime().asc()
                .listPage(0, rate * seconds + sizes.soakTimers()).stream()
                .filter(t -> !timerCases.contains(t.getProcessInstanceId())).map(Task::getId).toList());
        var intakes = new Latencies();
        var completions = new Latencies();
        var failures = new AtomicInteger();
        var optimisticLocking = new AtomicInteger();
        var workers = (ThreadPoolExecutor) Executors.newFixedThreadPool(32, clientThreads());
        var scheduler = Executors.newScheduledThreadPool(2);
        var timers = Executors.newSingleThreadExecutor();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        var n = new AtomicInteger();
        Future<Lateness> lateness = timers.submit(() -> timerLateness(List.copyOf(timerIds.keySet()),
                Math.max(1, seconds - 10)));
        schedule(scheduler, workers, period, start, end, intakes, () -> {
            var answer = bench.post("/api/v1/complaints", complaint(n.incrementAndGet()), "Idempotency-Key",
                    UUID.randomUUID().toString());
            return count(answer, 201, failures, optimisticLocking, "soak intake");
        });
        schedule(scheduler, workers, period, start + period / 2, end, completions, () -> {
            var id = ids.poll();
            if (id == null) return true;
            return count(bench.post("/api/v1/tasks/" + id + "/complete", CONTACTED), 200, failures, optimisticLocking,
                    "soak completion");
        });
        var cpu = new ArrayList<Double>();
        var requestThreads = new ArrayList<RequestThreads>();
        long backlog = 0;
        int missedSamples = 0;
        var previous = Cpu.read();
        while (System.nanoTime() < end) {
            sleep(1000);
            var current = Cpu.read();
            if (previous != null && current != null) cpu.add(current.busySince(previous));
            previous = current;
            requestThreads.add(RequestThreads.sample());
            try {
                backlog = Math.max(backlog, jobBacklog());
            } catch (DataAccessException e) {
                // a saturated side may have no connection to spare for a sample: its requests' failures say so
                missedSamples++;
            }
        }
        scheduler.shutdownNow();
        await(scheduler);
        var notSent = new ArrayList<Runnable>();
        workers.getQueue().drainTo(notSent);
        workers.shutdown();
        await(workers);
        Lateness underLoad;
        try {
            underLoad = lateness.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            timers.shutdown();
        }
        figures.add("lifecycle soak", "duration", seconds, "s", NEITHER, "600 s");
        figures.add("lifecycle soak", "intakes/s offered", rate, "/s", NEITHER, "40/s");
        figures.add("lifecycle soak", "completions/s offered", rate, "/s", NEITHER, "40/s");
        figures.add("lifecycle soak", "intakes done", intakes.count(), "", HIGHER, null);
        figures.add("lifecycle soak", "intake p99", intakes.percentileMillis(0.99), "ms", LOWER, "≤ 250 ms");
        figures.add("lifecycle soak", "completions done", completions.count(), "", HIGHER, null);
        figures.add("lifecycle soak", "completion p99", completions.percentileMillis(0.99), "ms", LOWER, "≤ 250 ms");
        figures.add("lifecycle soak", "CPU, machine, mean", mean(cpu), "%", LOWER, "≤ 80 %");
        figures.add("lifecycle soak", "CPU, machine, max of 1 s samples", cpu.stream().mapToDouble(d -> d).max().orElse(Double.NaN),
                "%", LOWER, null);
        figures.add("lifecycle soak", "HTTP request threads busy, mean of 1 s samples",
                requestThreads.stream().mapToInt(RequestThreads::busy).average().orElse(Double.NaN), "", NEITHER, null);
        figures.add("lifecycle soak", "of which waiting for a database connection from the pool, mean",
                requestThreads.stream().mapToInt(RequestThreads::waitingForConnection).average().orElse(Double.NaN), "",
                LOWER, null);
        figures.add("lifecycle soak", "HTTP request threads busy, max", requestThreads.stream().mapToInt(RequestThreads::busy)
                .max().orElse(0), "", NEITHER, null);
        figures.add("lifecycle soak", "job backlog, max (due, unlocked)", backlog, "", LOWER, "≤ 50");
        figures.add("lifecycle soak", "job backlog samples missed (no database connection free)", missedSamples, "", LOWER, null);
        figures.add("lifecycle soak", "failed requests", failures.get(), "", LOWER, "0");
        figures.add("lifecycle soak", "requests not sent by the end (behind schedule)", notSent.size(), "", LOWER, "0");
        figures.add("lifecycle soak", "OptimisticLockingException to a client", optimisticLocking.get(), "", LOWER, "0");
        report("timer precision, under soak", underLoad, "≤ 1 s");
    }

    private interface Call {
        boolean call();
    }

    private void schedule(ScheduledExecutorService scheduler, ExecutorService workers, long period, long first, long end,
            Latencies latencies, Call call) {
        var next = new AtomicLong(first);
        scheduler.scheduleAtFixedRate(() -> {
            long due = next.getAndAdd(period);
            if (due >= end) return;
            workers.execute(() -> {
                call.call();
                latencies.add(System.nanoTime() - due);
            });
        }, Math.max(0, first - System.nanoTime()), period, TimeUnit.NANOSECONDS);
    }

    private boolean count(Bench.Answer answer, int expected, AtomicInteger failures, AtomicInteger optimisticLocking,
            String what) {
        if (answer.status() == expected) return true;
        failures.incrementAndGet();
        if (answer.body() != null && answer.body().contains("OptimisticLocking")) optimisticLocking.incrementAndGet();
        failure(what, answer);
        return false;
    }

    private long jobBacklog() {
        return bench.jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE (DUEDATE_ IS NULL OR DUEDATE_ <= ?)"
                        + " AND LOCK_OWNER_ IS NULL AND RETRIES_ > 0 AND SUSPENSION_STATE_ = 1")
                .param(new Timestamp(System.currentTimeMillis())).query(Long.class).single();
    }

    /**
     * Waits (at most two minutes) until no job is due on this side, so that the next measurement, of
     * either side, starts with this one idle.
     */
    void settle() {
        long start = System.nanoTime();
        long due = dueJobs();
        while (due > 0 && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(2)) {
            sleep(500);
            due = dueJobs();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (due > 0 || seconds >= 1) {
            System.out.printf(Locale.ROOT, "[%s] settled in %.0f s%s%n", bench.side, seconds,
                    due > 0 ? ", " + due + " jobs still due" : "");
        }
    }

    private long dueJobs() {
        return bench.jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE (DUEDATE_ IS NULL OR DUEDATE_ <= ?)"
                        + " AND RETRIES_ > 0 AND SUSPENSION_STATE_ = 1")
                .param(new Timestamp(System.currentTimeMillis())).query(Long.class).single();
    }

    // ---------------------------------------------------------------- night re-tiering

    /**
     * GridCare's night re-tiering ({@link NightRetiering}) over every customer, twice: the first night gives each
     * customer its first tier (a tier change each), the next finds the tiers stored. The customers are made by SQL
     * (one consumption month each).
     */
    void night() {
        int count = sizes.nightCustomers();
        var range = bench.postgres ? "generate_series(1, " + count + ") AS r(x)" : "SYSTEM_RANGE(1, " + count + ") AS r";
        long seedStart = System.nanoTime();
        bench.jdbc.sql("INSERT INTO customer (id, name, customer_class, supply_voltage_kv, contracted_capacity_kva,"
                + " contract_start, critical_load, priority_care, green_preference, area, preferred_channel,"
                + " created_at, updated_at) SELECT '" + NIGHT + "' || LPAD(CAST(x AS VARCHAR), 8, '0'), 'Night customer ' || x,"
                + " CASE WHEN MOD(x, 50) = 0 THEN 'INDUSTRIAL' WHEN MOD(x, 7) = 0 THEN 'COMMERCIAL' ELSE 'RESIDENTIAL' END,"
                + " CASE WHEN MOD(x, 50) = 0 THEN 35 ELSE 0.22 END, CASE WHEN MOD(x, 50) = 0 THEN 20000 ELSE 8 END,"
                + " DATE '2019-01-01', MOD(x, 97) = 0, MOD(x, 11) = 0, MOD(x, 5) = 0, 'URBAN', 'SMS',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM " + range).update();
        var month = LocalDate.now(bench.bean(Clock.class)).withDayOfMonth(1).minusMonths(1);
        bench.jdbc.sql("INSERT INTO customer_consumption (customer_id, billing_month, kwh, billed_amount, paid_on_time)"
                + " SELECT '" + NIGHT + "' || LPAD(CAST(x AS VARCHAR), 8, '0'), ?, 300 + MOD(x, 1000), 180 + MOD(x, 600), MOD(x, 13) <> 0"
                + " FROM " + range).param(month).update();
        if (bench.postgres) bench.jdbc.sql("ANALYZE customer").update();
        figures.add("set-up", "customers made for the night run", count, "", NEITHER, null);
        figures.add("set-up", "customers made for the night run, taking", (System.nanoTime() - seedStart) / 1e9, "s",
                NEITHER, null);

        var night = bench.bean(NightRetiering.class);
        var today = LocalDate.now(bench.bean(Clock.class).withZone(EngineClock.ZONE));
        for (var run : List.of("first night (every customer's first tier)", "next night (tiers as stored)")) {
            bench.jdbc.sql("DELETE FROM customer_retiering_run WHERE night = ?").param(today).update();
            var result = night.run(today).orElseThrow();
            long written = bench.jdbc.sql("SELECT COUNT(*) FROM customer WHERE id LIKE '" + NIGHT + "%' AND tier IS NOT NULL"
                    + " AND evaluated_at >= (SELECT started_at FROM customer_retiering_run WHERE night = ?)")
                    .param(today).query(Long.class).single();
            if (written != count) throw new IllegalStateException("night run wrote " + written + " of " + count + " customers");
            figures.add("night re-tiering", run + ": customers evaluated and written", result.customers(), "", NEITHER,
                    "1,000,000");
            figures.add("night re-tiering", run + ": tier changes recorded", result.tierChanges(), "", NEITHER, null);
            figures.add("night re-tiering", run + ": customers/s end to end", result.customers() / (result.millis() / 1e3),
                    "/s", HIGHER, "≥ 60,000/s");
            if (bench.postgres) bench.jdbc.sql("VACUUM ANALYZE customer").update();
        }
    }

    // ---------------------------------------------------------------- helpers

    record Run(long count, int failures, double perSecond, Latencies latencies) {}

    /** {@code clients} threads calling {@code op} back to back, for {@code seconds} or until {@code total} calls. */
    Run closedLoop(int clients, int seconds, int total, IntPredicate op) {
        var latencies = new Latencies();
        var failures = new AtomicInteger();
        if (seconds <= 0 && total <= 0) return new Run(0, 0, 0, latencies);
        var issued = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(clients, clientThreads());
        long start = System.nanoTime();
        long end = seconds > 0 ? start + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    int n = issued.getAndIncrement();
                    if (total > 0 && n >= total) break;
                    long t = System.nanoTime();
                    boolean ok;
                    try {
                        ok = op.test(sequence.incrementAndGet());
                    } catch (RuntimeException e) {
                        ok = false;
                        if (failures.get() < 3) System.err.println("[" + bench.side + "] " + e);
                    }
                    if (ok) latencies.add(System.nanoTime() - t);
                    else failures.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        await(pool);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Run(latencies.count(), failures.get(), latencies.count() / elapsed, latencies);
    }

    /**
     * In the last round (warm), a further window of the workload under a CPU profile ({@link CpuProfile}), run
     * after the round's figures and not counted in them: the profile explains them without changing them.
     */
    private void profileAfterLastRound(int round, String workload, java.util.function.Supplier<Run> window) {
        if (round != sizes.rounds()) return;
        var profile = CpuProfile.start();
        var run = window.get();
        profile.stop().addTo(figures, bench.side, workload);
        figures.add(workload, "operations/s while profiled (the profiler's cost: compare with the rounds)", run.perSecond(),
                "/s", NEITHER, null);
    }

    private static java.util.concurrent.ThreadFactory clientThreads() {
        var count = new AtomicInteger();
        return task -> new Thread(task, CLIENT_THREAD + count.incrementAndGet());
    }

    /** SQL statements and round trips per call of {@code op}, run one after another. */
    private void statementsPer(String workload, String operation, int calls, IntPredicate op) {
        if (!StatementCounter.installed) return;
        sleep(300);
        StatementCounter.counting = true;
        var before = StatementCounter.now();
        for (int i = 0; i < calls; i++) op.test(sequence.incrementAndGet());
        var after = StatementCounter.now();
        figures.add(workload, "SQL statements per " + operation, (after[0] - before[0]) / (double) calls, "", LOWER, null);
        figures.add(workload, "round trips per " + operation, (after[1] - before[1]) / (double) calls, "", LOWER, null);
        if (Boolean.getBoolean("bench.print-statements")) {
            var sql = java.util.Collections.synchronizedList(new ArrayList<String>());
            StatementCounter.capture = sql;
            op.test(sequence.incrementAndGet());
            StatementCounter.capture = null;
            System.out.println("[" + bench.side + "] SQL prepared for one " + operation + ":");
            synchronized (sql) {
                sql.forEach(s -> System.out.println("    " + s.substring(0, Math.min(160, s.length()))));
            }
        }
        StatementCounter.counting = false;
    }

    private final AtomicInteger reported = new AtomicInteger();

    private void failure(String what, Bench.Answer answer) {
        if (reported.incrementAndGet() <= 5) {
            var body = answer.body() == null ? "" : answer.body();
            System.err.println("[" + bench.side + "] " + what + " answered " + answer.status() + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(d -> d).average().orElse(Double.NaN);
    }

    private static void await(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(2, TimeUnit.HOURS)) throw new IllegalStateException("workload did not end");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * This JVM's HTTP request threads at one moment: serving a request, and of those waiting for a connection from
     * the pool (a request holds its connection for its transaction: when more requests run at once than the pool
     * has connections, the rest wait, and on two cores each runs slower the more run).
     */
    record RequestThreads(int busy, int waitingForConnection) {
        static RequestThreads sample() {
            int busy = 0;
            int waiting = 0;
            for (var thread : java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
                if (!thread.getThreadName().startsWith("http-nio-")) continue;
                var frames = java.util.Arrays.stream(thread.getStackTrace()).map(f -> f.getClassName() + "." + f.getMethodName())
                        .toList();
                if (frames.stream().noneMatch(f -> f.startsWith("org.apache.catalina.connector.CoyoteAdapter.service"))) continue;
                busy++;
                if (frames.stream().anyMatch(f -> f.startsWith("com.zaxxer.hikari.pool.HikariPool.getConnection"))) waiting++;
            }
            return new RequestThreads(busy, waiting);
        }
    }

    /** The machine's CPU counters (/proc/stat), for the share of time not idle. */
    record Cpu(long busy, long total) {
        static Cpu read() {
            try {
                var f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length; i++) total += Long.parseLong(f[i]);
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new Cpu(total - idle, total);
            } catch (Exception e) {
                return null;
            }
        }

        double busySince(Cpu earlier) {
            return total == earlier.total ? 0 : 100.0 * (busy - earlier.busy) / (total - earlier.total);
        }
    }
}
