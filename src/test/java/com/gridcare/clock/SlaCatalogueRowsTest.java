package com.gridcare.clock;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.Tier;
import com.gridcare.deployment.SourceFolder;
import com.gridcare.rules.runtime.RuleCompiler;
import com.gridcare.rules.runtime.RuleSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.internal.command.CommandFactory;

/**
 * Every row of the shipped SLA catalogue (rules/sla) against the figures of docs/product-guide.md ("Service levels"): each row
 * fires for the work it describes and gives its target; the shortest target wins; rows apply from
 * their effective-from date. (Until the rules examples runner is on main, this test covers every row.)
 */
class SlaCatalogueRowsTest {

    static RuleSet rules;
    static CalendarSet calendars;
    static final Set<String> firedRows = new HashSet<>();
    static final LocalDate DAY = LocalDate.parse("2026-11-26");

    @BeforeAll
    static void compile() {
        rules = RuleCompiler.compile(SourceFolder.of("rules", "").read(p -> true));
        calendars = CalendarSet.parse(SourceFolder.of("rules/calendars", "").read(p -> true), (c, y) -> { });
    }

    record Result(Map<SlaClock, SlaTarget> targets, SlaTargets raw) {
        SlaTarget get(SlaClock clock) {
            assertThat(targets).containsKey(clock);
            return targets.get(clock);
        }
    }

    static Result decide(SlaWork work, Consumer<SlaFacts> more) {
        var facts = new SlaFacts();
        facts.setWork(work);
        facts.setStartDate(DAY);
        facts.setCustomerClass(CustomerClass.RESIDENTIAL);
        facts.setTier(Tier.RESIDENTIAL);
        facts.setSupplyVoltageKv(0.22);
        facts.setArea(Area.URBAN);
        more.accept(facts);
        var result = new SlaTargets((amount, unit, calendar) -> unit.toDuration(amount, calendars.get(calendar)),
                calendars.version());
        var session = rules.kieBase("sla").newStatelessKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firedRows.add(event.getMatch().getRule().getName());
            }
        });
        session.execute(CommandFactory.newBatchExecution(List.of(
                CommandFactory.newInsertElements(List.of(facts, result)), CommandFactory.newFireAllRules(100))));
        return new Result(result.targets().stream().collect(Collectors.toMap(SlaTarget::clock, t -> t)), result);
    }

    static void target(SlaTarget t, String amount, TargetUnit unit, String calendar) {
        assertThat(t.amount()).isEqualByComparingTo(new BigDecimal(amount));
        assertThat(t.unit()).isEqualTo(unit);
        assertThat(t.calendar()).isEqualTo(calendar);
        assertThat(t.source()).isNotBlank();
        assertThat(t.effectiveFrom()).isEqualTo("2025-01-01");
    }

    @Test
    void aResidentialComplaintGetsOneWorkingDayForFirstContactSevenToReplyAndTheStatutoryTen() {
        var r = decide(SlaWork.COMPLAINT, f -> f.setCategory("BILLING"));
        assertThat(r.targets()).containsOnlyKeys(SlaClock.COMPLAINT_FIRST_CONTACT, SlaClock.COMPLAINT_RESOLUTION,
                SlaClock.COMPLAINT_STATUTORY);
        var first = r.get(SlaClock.COMPLAINT_FIRST_CONTACT);
        target(first, "1", TargetUnit.WORKING_DAYS, "china-workdays");
        assertThat(first.workingTime()).isEqualTo(Duration.ofHours(9));
        var resolution = r.get(SlaClock.COMPLAINT_RESOLUTION);
        target(resolution, "7", TargetUnit.WORKING_DAYS, "china-workdays");
        assertThat(resolution.workingTime()).isEqualTo(Duration.ofHours(63));
        assertThat(resolution.warnAfter()).as("warning at 75 %").isEqualTo(Duration.ofMinutes(63 * 45));
        assertThat(resolution.pausable()).isTrue();
        var statutory = r.get(SlaClock.COMPLAINT_STATUTORY);
        target(statutory, "10", TargetUnit.WORKING_DAYS, "china-workdays");
        assertThat(statutory.source()).contains("供电监管办法");
        assertThat(statutory.warnAfter()).as("alarm 1 working day before").isEqualTo(Duration.ofHours(81));
        assertThat(statutory.pausable()).isFalse();
    }

    @Test
    void keyStrategicAndImportantCustomersGetFourWorkingHoursForFirstContact() {
        for (var tier : List.of(Tier.KEY, Tier.STRATEGIC)) {
            var first = decide(SlaWork.COMPLAINT, f -> {
                f.setTier(tier);
                f.setCustomerClass(CustomerClass.INDUSTRIAL);
            }).get(SlaClock.COMPLAINT_FIRST_CONTACT);
            target(first, "4", TargetUnit.WORKING_HOURS, "china-workdays");
            assertThat(first.row()).contains(tier.name());
        }
        var r = decide(SlaWork.COMPLAINT, f -> {
            f.setTier(Tier.BUSINESS);
            f.setImportant(true);
        });
        target(r.get(SlaClock.COMPLAINT_FIRST_CONTACT), "4", TargetUnit.WORKING_HOURS, "china-workdays");
        assertThat(r.get(SlaClock.COMPLAINT_FIRST_CONTACT).row()).contains("IMPORTANT");
        assertThat(r.raw().getNotChosen()).anyMatch(s -> s.startsWith("Complaint first contact: 1 working day"));
        // the other complaint clocks are the same for everybody
        target(r.get(SlaClock.COMPLAINT_RESOLUTION), "7", TargetUnit.WORKING_DAYS, "china-workdays");
    }

    @Test
    void meterTestResultFiveWorkingDays() {
        var r = decide(SlaWork.METER_TEST, f -> { });
        assertThat(r.targets()).containsOnlyKeys(SlaClock.METER_TEST_RESULT);
        target(r.get(SlaClock.METER_TEST_RESULT), "5", TargetUnit.WORKING_DAYS, "china-workdays");
    }

    @Test
    void newConnectionsByClassVoltageAndSupply() {
        connectionTargetsByClassVoltageAndSupply(SlaWork.NEW_CONNECTION, 110);
    }

    @Test
    void outageRepairIsCountedInClockTimeByArea() {
        var urban = decide(SlaWork.OUTAGE_REPAIR, f -> f.setArea(Area.URBAN));
        target(urban.get(SlaClock.OUTAGE_ARRIVAL), "45", TargetUnit.MINUTES, "24x7");
        assertThat(urban.get(SlaClock.OUTAGE_ARRIVAL).workingTime()).isEqualTo(Duration.ofMinutes(45));
        target(urban.get(SlaClock.OUTAGE_RESTORATION), "3", TargetUnit.HOURS, "24x7");
        var rural = decide(SlaWork.OUTAGE_REPAIR, f -> f.setArea(Area.RURAL));
        target(rural.get(SlaClock.OUTAGE_ARRIVAL), "90", TargetUnit.MINUTES, "24x7");
        target(rural.get(SlaClock.OUTAGE_RESTORATION), "4", TargetUnit.HOURS, "24x7");
        var remote = decide(SlaWork.OUTAGE_REPAIR, f -> f.setArea(Area.REMOTE));
        target(remote.get(SlaClock.OUTAGE_ARRIVAL), "120", TargetUnit.MINUTES, "24x7");
        assertThat(remote.targets()).as("the source states no restoration time for remote areas")
                .doesNotContainKey(SlaClock.OUTAGE_RESTORATION);
    }

    @Test
    void reconnectionAfterArrearsIn24Hours() {
        target(decide(SlaWork.RECONNECTION, f -> { }).get(SlaClock.RECONNECTION), "24", TargetUnit.HOURS, "24x7");
    }

    @Test
    void moveInMoveOutTariffChangeAndGreenPlanHaveTheInternalFiveWorkingDays() {
        for (var work : List.of(SlaWork.MOVE_IN, SlaWork.MOVE_OUT, SlaWork.TARIFF_CHANGE, SlaWork.GREEN_PLAN_ENROLMENT)) {
            var r = decide(work, f -> { });
            assertThat(r.targets()).as("%s", work).containsOnlyKeys(SlaClock.REQUEST_COMPLETION);
            target(r.get(SlaClock.REQUEST_COMPLETION), "5", TargetUnit.WORKING_DAYS, "china-workdays");
            assertThat(r.get(SlaClock.REQUEST_COMPLETION).source()).contains("internal");
        }
    }

    @Test
    void capacityChangesHaveTheConnectionTargetsByClassVoltageAndSupply() {
        connectionTargetsByClassVoltageAndSupply(SlaWork.CAPACITY_CHANGE, 10);
    }

    /** The utility-side connection targets: 5, 6, 22 and, dual supply at {@code dualSupplyKv}, 32 working days. */
    private void connectionTargetsByClassVoltageAndSupply(SlaWork work, double dualSupplyKv) {
        target(decide(work, f -> { }).get(SlaClock.CONNECTION_UTILITY_SIDE), "5", TargetUnit.WORKING_DAYS,
                "china-workdays");
        target(decide(work, f -> {
            f.setCustomerClass(CustomerClass.COMMERCIAL);
            f.setSupplyVoltageKv(0.4);
        }).get(SlaClock.CONNECTION_UTILITY_SIDE), "6", TargetUnit.WORKING_DAYS, "china-workdays");
        target(decide(work, f -> {
            f.setCustomerClass(CustomerClass.INDUSTRIAL);
            f.setSupplyVoltageKv(10);
        }).get(SlaClock.CONNECTION_UTILITY_SIDE), "22", TargetUnit.WORKING_DAYS, "china-workdays");
        var dual = decide(work, f -> {
            f.setCustomerClass(CustomerClass.PUBLIC);
            f.setSupplyVoltageKv(dualSupplyKv);
            f.setSupply(SupplyType.DUAL);
        });
        assertThat(dual.targets()).as("%s", work).containsOnlyKeys(SlaClock.CONNECTION_UTILITY_SIDE);
        target(dual.get(SlaClock.CONNECTION_UTILITY_SIDE), "32", TargetUnit.WORKING_DAYS, "china-workdays");
    }

    @Test
    void surveyFollowUpTwoAndFiveWorkingDays() {
        var r = decide(SlaWork.SURVEY_FOLLOW_UP, f -> { });
        target(r.get(SlaClock.SURVEY_RECOVERY_CALL), "2", TargetUnit.WORKING_DAYS, "china-workdays");
        target(r.get(SlaClock.SURVEY_IMPROVEMENT_PLAN), "5", TargetUnit.WORKING_DAYS, "china-workdays");
    }

    @Test
    void rowsApplyFromTheirEffectiveFromDate() {
        var r = decide(SlaWork.COMPLAINT, f -> f.setStartDate(LocalDate.parse("2024-12-31")));
        assertThat(r.targets()).isEmpty();
        assertThat(r.raw().getNotChosen()).anyMatch(s -> s.contains("not in effect on 2024-12-31"));
    }

    @AfterAll
    static void everyRowOfTheCatalogueWasExercised() {
        var rows = new TreeSet<String>();
        rules.kieBase("sla").getKiePackage("sla").getRules().forEach(rule -> rows.add(rule.getName()));
        rows.remove("Rows in effect propose their target; the shortest target of a clock wins");
        assertThat(rows).hasSize(27);
        var missed = new ArrayList<>(rows);
        missed.removeAll(firedRows);
        assertThat(missed).as("catalogue rows no test case reached").isEmpty();
    }
}
