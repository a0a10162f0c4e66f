package com.gridcare.rules.publishing;

import com.gridcare.rules.runtime.RuleSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Replays one kind of decision over stored customers or recent cases with the current and the
 * candidate rules, and adds what would change to the report. A feature that owns a decision
 * registers one as a Spring bean (customers and offers, complaint routing, service-request
 * routing; SLA targets once the sla package exists).
 */
public interface RuleSimulator {

    /** What the report's section is called, e.g. "customers", "complaintRouting", "slaTargets". */
    String section();

    /** The rule packages the decision depends on; skipped when none of them changes. */
    Set<String> rulePackages();

    void simulate(RuleSet current, RuleSet candidate, Scope scope, SimulationReport report);

    /**
     * @param casesFrom cases received at or after this time take part
     * @param today the day customer figures are taken at
     */
    record Scope(OffsetDateTime casesFrom, LocalDate today, int days) {}
}
