package com.gridcare.customer;

import com.gridcare.kernel.EngineClock;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.rules.runtime.RuleSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every night every customer is evaluated again with the live rules: a tier rests on the last 12 months' bills,
 * payments and contacts, which move without anyone editing the customer. Tier, flags and segments are written back
 * and a change of tier goes into the tier history, as a single evaluation does; no decision row is kept per
 * customer (the night would write a million). One node runs a night: the first to record it in
 * {@code customer_retiering_run}, whose row keeps the run's figures.
 */
@Component
@EnableConfigurationProperties(CustomerProperties.class)
public class NightRetiering {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NightRetiering.class);

    /** What a night's run did: customers evaluated and written, their tier changes, and those the rules gave no tier. */
    public record Result(LocalDate night, String ruleVersion, int customers, int tierChanges, int unrated, long millis) {}

    private record Page(int customers, int tierChanges, int unrated) {}

    private final CustomerRepository customers;
    private final CustomerEvaluator evaluator;
    private final DecisionService decisions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CustomerProperties.Retiering settings;

    NightRetiering(CustomerRepository customers, CustomerEvaluator evaluator, DecisionService decisions,
            JdbcClient jdbc, TransactionTemplate transactions, Clock clock, CustomerProperties properties) {
        this.customers = customers;
        this.evaluator = evaluator;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = properties.retiering();
    }

    @Scheduled(cron = "${gridcare.customer.retiering.cron}", zone = "Asia/Shanghai")
    public void tonight() {
        run(LocalDate.now(clock.withZone(EngineClock.ZONE)));
    }

    /**
     * Evaluates and writes every customer, pages by id read on the caller's thread and evaluated and written on
     * {@code threads} more, one transaction a page. Empty when the night has been run (or is running) already.
     */
    public Optional<Result> run(LocalDate night) {
        var ruleSet = decisions.current();
        if (!start(night, ruleSet.version())) {
            log.info("customer re-tiering of {} not run here: it has been started already", night);
            return Optional.empty();
        }
        long started = System.nanoTime();
        var at = OffsetDateTime.now(clock);
        var workers = Executors.newFixedThreadPool(settings.threads());
        // at most two pages a worker read ahead: a million customers are never all in memory
        var ahead = new Semaphore(settings.threads() * 2);
        var pages = new ArrayList<Future<Page>>();
        var failed = new AtomicBoolean();
        try {
            String after = null;
            // a failed page stops the reading: the pages before it stay written, the night's row unfinished
            while (!failed.get()) {
                ahead.acquireUninterruptibly();
                var page = customers.page(after, settings.pageSize());
                if (page.isEmpty()) {
                    ahead.release();
                    break;
                }
                after = page.get(page.size() - 1).id();
                pages.add(workers.submit(() -> {
                    try {
                        return transactions.execute(tx -> retier(page, ruleSet, night, at));
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    } finally {
                        ahead.release();
                    }
                }));
            }
            var total = new Page(0, 0, 0);
            for (var page : pages) {
                var p = page.get();
                total = new Page(total.customers() + p.customers(), total.tierChanges() + p.tierChanges(),
                        total.unrated() + p.unrated());
            }
            var result = new Result(night, ruleSet.version(), total.customers(), total.tierChanges(), total.unrated(),
                    (System.nanoTime() - started) / 1_000_000);
            finish(result);
            log.info("customer re-tiering of {} with rules {}: {} customers in {} ms, {} tier changes, {} without a tier",
                    night, result.ruleVersion(), result.customers(), result.millis(), result.tierChanges(), result.unrated());
            return Optional.of(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("customer re-tiering of " + night + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("customer re-tiering of " + night + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private Page retier(List<Customer> page, RuleSet ruleSet, LocalDate night, OffsetDateTime at) {
        var histories = customers.historiesOfPage(page, night);
        var facts = evaluator.evaluateAll(ruleSet, page, histories, night);
        var rated = new ArrayList<CustomerRepository.Rated>(facts.size());
        for (var f : facts) {
            // a customer the rules give no tier keeps what it has (a single evaluation refuses it the same way)
            if (f.getEvaluation().getTier() != null) {
                rated.add(new CustomerRepository.Rated(f.getCustomerId(), f.getEvaluation()));
            }
        }
        return new Page(page.size(), customers.saveEvaluations(rated, at), page.size() - rated.size());
    }

    private boolean start(LocalDate night, String ruleVersion) {
        try {
            return jdbc.sql("INSERT INTO customer_retiering_run (night, rule_version, started_at) VALUES (?, ?, ?)")
                    .params(night, ruleVersion, OffsetDateTime.now(clock)).update() == 1;
        } catch (DuplicateKeyException alreadyStarted) {
            return false;
        }
    }

    private void finish(Result result) {
        jdbc.sql("""
                UPDATE customer_retiering_run SET finished_at = ?, customers = ?, tier_changes = ?, unrated = ?
                 WHERE night = ?""")
                .params(OffsetDateTime.now(clock), result.customers(), result.tierChanges(), result.unrated(),
                        result.night())
                .update();
    }
}
