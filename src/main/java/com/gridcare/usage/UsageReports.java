package com.gridcare.usage;

import com.gridcare.api.NotFoundException;
import com.gridcare.consent.ConsentPurpose;
import com.gridcare.consent.Consents;
import com.gridcare.consent.MessagePurpose;
import com.gridcare.customer.ConsumptionAggregates;
import com.gridcare.customer.ConsumptionHistory;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.customer.Tier;
import com.gridcare.kernel.EngineClock;
import com.gridcare.notification.Bilingual;
import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.NotificationTemplate;
import com.gridcare.rules.runtime.DecisionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal usage reports: monthly for customers who consent to advice on their preferred channel,
 * quarterly (instead) for key accounts (KEY, STRATEGIC), whose e-mail carries the report as a PDF.
 * A run computes every report of the period in set-based statements, then goes through them in pages:
 * the advice rules ({@code rules/advice}) once per distinct set of inputs, the messages queued in one
 * batch per page, each report marked in the same transaction. Idempotent: a report is computed once per
 * customer and period and its message queued once, so a rerun, or a run resumed after a node was killed,
 * queues no second message.
 */
@Service
public class UsageReports {

    public static final String RULE_PACKAGE = "advice";
    public static final String ATTACHMENT_PREFIX = "usage-report:";
    private static final Logger log = LoggerFactory.getLogger(UsageReports.class);

    /** What a run did: reports by status after it ({@code QUEUED}, {@code NO_CONSENT}), and what it queued now. */
    public record Run(String period, ReportKind kind, int computedNow, int queuedNow, Map<String, Long> reports) {}

    private final UsageReportStore store;
    private final ConsumptionAggregates aggregates;
    private final ConsumptionHistory history;
    private final Consents consents;
    private final NotificationOutbox outbox;
    private final DecisionService decisions;
    private final TransactionTemplate transactions;
    private final UsageProperties properties;
    private final Clock clock;

    UsageReports(UsageReportStore store, ConsumptionAggregates aggregates, ConsumptionHistory history,
            Consents consents, NotificationOutbox outbox, DecisionService decisions, TransactionTemplate transactions,
            UsageProperties properties, Clock clock) {
        this.store = store;
        this.aggregates = aggregates;
        this.history = history;
        this.consents = consents;
        this.outbox = outbox;
        this.decisions = decisions;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The runs due today (Beijing): last month's, and last quarter's when last month closed it. */
    public List<Run> runDue(String by) {
        return UsagePeriod.dueOn(LocalDate.now(clock.withZone(EngineClock.ZONE))).stream().map(p -> run(p, by)).toList();
    }

    /** Computes and queues the reports of a period; safe to run again. */
    public Run run(UsagePeriod period, String by) {
        var started = System.nanoTime();
        var now = OffsetDateTime.now(clock);
        var scope = period.kind() == ReportKind.QUARTERLY ? ConsumptionAggregates.Scope.KEY_ACCOUNTS
                : ConsumptionAggregates.Scope.NOT_KEY_ACCOUNTS;
        var totals = aggregates.periodTotals(period.from(), period.to());
        int computed = transactions.execute(tx -> {
            store.startRun(period, by, now);
            store.computeMedians(period, aggregates.customers(ConsumptionAggregates.Scope.ALL), totals);
            return store.computeReports(period, aggregates.customers(scope), consents.granted(ConsentPurpose.ADVICE),
                    totals, now);
        });
        var computedIn = (System.nanoTime() - started) / 1_000_000;
        var ruleSet = decisions.current();
        var adviceByKey = new HashMap<String, UsageFacts>();
        int queued = 0;
        var after = "";
        while (true) {
            var page = store.computed(period.id(), after, properties.pageSize());
            if (page.isEmpty()) break;
            after = page.get(page.size() - 1).customerId();
            var facts = new ArrayList<UsageFacts>(page.size());
            var undecided = new ArrayList<UsageFacts>();
            for (var row : page) {
                var f = facts(row);
                var decided = adviceByKey.get(f.key());
                if (decided == null) {
                    adviceByKey.put(f.key(), f);
                    undecided.add(f);
                }
                facts.add(f);
            }
            if (!undecided.isEmpty()) decisions.runAll(ruleSet, RULE_PACKAGE, undecided);
            var messages = new ArrayList<NotificationOutbox.ToCustomer>(page.size());
            var advice = new HashMap<String, UsageFacts>();
            for (int i = 0; i < page.size(); i++) {
                var row = page.get(i);
                var decided = adviceByKey.get(facts.get(i).key());
                advice.put(row.customerId(), decided);
                messages.add(new NotificationOutbox.ToCustomer(row.customerId(), PreferredChannel.valueOf(row.channel()),
                        values(row, decided), period.kind() == ReportKind.QUARTERLY
                                ? ATTACHMENT_PREFIX + row.customerId() + ":" + period.id() : null));
            }
            queued += transactions.execute(tx -> {
                var batch = outbox.enqueueToCustomers("USAGE:" + period.id(), NotificationTemplate.USAGE_REPORT, "1",
                        MessagePurpose.ADVICE, messages);
                var noConsent = new java.util.HashSet<>(batch.noConsent());
                var done = page.stream().map(row -> {
                    var f = advice.get(row.customerId());
                    return new UsageReportStore.Done(row.customerId(),
                            f.getAdvice().stream().map(Enum::name).collect(Collectors.joining(",")),
                            String.join("; ", f.getAdvisedBy()),
                            noConsent.contains(row.customerId()) ? UsageReportStore.Status.NO_CONSENT
                                    : UsageReportStore.Status.QUEUED);
                }).toList();
                store.finish(period.id(), ruleSet.version(), done, OffsetDateTime.now(clock));
                return batch.queued().size();
            });
        }
        store.finishRun(period.id(), OffsetDateTime.now(clock));
        var run = new Run(period.id(), period.kind(), computed, queued, store.counts(period.id()));
        log.info("usage reports {}: {} computed in {} ms, {} queued, {} distinct advice inputs, {} ms in all",
                period.id(), computed, computedIn, queued, adviceByKey.size(), (System.nanoTime() - started) / 1_000_000);
        return run;
    }

    /** A customer's report of a period, with the months it shows. */
    public UsageReport report(String customerId, String periodId) {
        var row = store.find(customerId, periodId)
                .orElseThrow(() -> new NotFoundException("period: customer " + customerId + " has no usage report for "
                        + periodId));
        var period = UsagePeriod.parse(periodId);
        var months = history.between(customerId, period.to().minusMonths(11), period.to());
        var peaks = months.stream().filter(m -> m.kwh() != null)
                .sorted(Comparator.comparing(ConsumptionHistory.Month::kwh).reversed()
                        .thenComparing(ConsumptionHistory.Month::month))
                .limit(3).map(m -> new UsageReport.MonthKwh(m.month(), m.kwh())).toList();
        var bills = months.stream().filter(m -> m.billedAmount() != null)
                .map(m -> new UsageReport.Bill(m.month(), m.kwh(), m.billedAmount(), m.paidOnTime())).toList();
        var tips = row.advice() == null || row.advice().isBlank() ? List.<UsageReport.Tip>of()
                : Arrays.stream(row.advice().split(",")).map(Advice::valueOf)
                        .map(a -> new UsageReport.Tip(a, a.zh(), a.en())).toList();
        return new UsageReport(row.customerId(), row.period(), row.kind(), row.kwh(), row.kwhLastYear(),
                row.changeLastYearPercent(), row.customerClass(), row.area(), row.classMedianKwh(),
                row.changeMedianPercent(), row.peakSeason(), peaks, bills, row.lateBills12(), tips, row.adviceRule(),
                row.ruleVersion(), row.status(), row.createdAt(), row.queuedAt());
    }

    /** Erasure: the customer's reports. */
    int erase(String customerId) {
        return store.erase(customerId);
    }

    static UsageFacts facts(UsageReportRow row) {
        var f = new UsageFacts();
        f.setKind(row.kind());
        f.setCustomerClass(CustomerClass.valueOf(row.customerClass()));
        f.setTier(row.tier() == null ? null : Tier.valueOf(row.tier()));
        var segments = new LinkedHashSet<String>();
        for (var s : row.segments().split(",")) if (!s.isBlank()) segments.add(s.trim());
        f.setSegments(segments);
        var lastYear = row.changeLastYearPercent();
        f.setChangeLastYearPercent(lastYear == null ? 0 : lastYear);
        var median = row.changeMedianPercent();
        f.setChangeMedianPercent(median == null ? 0 : median);
        f.setPeakSeason(row.peakSeason());
        f.setLateBills12(row.lateBills12());
        return f;
    }

    static Map<String, Object> values(UsageReportRow row, UsageFacts decided) {
        var values = new HashMap<String, Object>();
        values.put("period", row.period());
        values.put("kwh", kwh(row.kwh()));
        values.put("changeLastYear", change(row.changeLastYearPercent()));
        values.put("changeClassMedian", change(row.changeMedianPercent()));
        var zh = decided.getAdvice().stream().map(Advice::zh).collect(Collectors.joining(""));
        var en = decided.getAdvice().stream().map(Advice::en).collect(Collectors.joining(" "));
        values.put("advice", new Bilingual(zh.isEmpty() ? "暂无。" : zh, en.isEmpty() ? "none this time." : en));
        return values;
    }

    static String kwh(BigDecimal kwh) {
        return String.format(Locale.ROOT, "%,.0f", kwh);
    }

    /** {@code +12%}, {@code -5%}, {@code ±0%}, or {@code —} when there is nothing to compare with. */
    static String change(Integer percent) {
        if (percent == null) return "—";
        return (percent > 0 ? "+" : percent == 0 ? "±" : "") + percent + "%";
    }

    /** "Make and queue usage reports" in {@code usage-reports}. */
    @Component("runUsageReports")
    static class RunUsageReports implements JavaDelegate {
        private final UsageReports reports;

        RunUsageReports(UsageReports reports) {
            this.reports = reports;
        }

        @Override
        public void execute(DelegateExecution execution) {
            reports.runDue("usage-reports");
        }
    }

    /** Erasure removes a customer's usage reports. */
    @Component
    static class UsagePersonalData implements com.gridcare.customer.PersonalDataHolder {
        private final UsageReports reports;

        UsagePersonalData(UsageReports reports) {
            this.reports = reports;
        }

        @Override
        public Map<String, Integer> erase(String customerId, List<String> values, String replacement) {
            return Map.of("usage_report", reports.erase(customerId));
        }
    }
}
