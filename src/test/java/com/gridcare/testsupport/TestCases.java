package com.gridcare.testsupport;

import com.gridcare.kernel.process.CaseVariables;

import com.gridcare.kernel.EngineClock;
import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.CaseStatus;
import com.gridcare.cases.Channel;
import com.gridcare.cases.ServiceCase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases worked by the test-only model {@code src/test/resources/cases/test-case-lifecycle.bpmn}
 * (acknowledge → investigate with a form → remind → confirm → close → closing feedback; withdrawal
 * by message; an escalation timer on the investigation), independent of the shipped processes.
 */
public final class TestCases {

    public static final String PROCESS = "test-case-lifecycle";
    public static final String GROUP = "customer-service";

    /** A case and its process instance. */
    public record Opened(String caseId, String processInstanceId) {}

    private final CaseRepository cases;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public TestCases(ApplicationContext context) {
        this.cases = context.getBean(CaseRepository.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.repository = context.getBean(RepositoryService.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.clock = context.getBean(Clock.class);
        deploy();
    }

    /** Deploys the test model and its form (a new version only when they changed). */
    private void deploy() {
        repository.createDeployment().name(PROCESS).source("test")
                .addClasspathResource("cases/test-case-lifecycle.bpmn")
                .addClasspathResource("cases/test-investigate.form")
                .enableDuplicateFiltering(false)
                .deploy();
    }

    /** A complaint case record without a process instance. */
    public String caseWithoutProcess(String customerId) {
        return transactions.execute(tx -> insert(customerId, OffsetDateTime.now(clock)));
    }

    /** Opens a case for the customer and starts the test process on it (waiting at the acknowledgement job). */
    public Opened open(String customerId) {
        return open(customerId, Map.of());
    }

    public Opened open(String customerId, Map<String, Object> extraVariables) {
        return transactions.execute(tx -> {
            var now = OffsetDateTime.now(clock);
            var caseId = insert(customerId, now);
            var variables = new HashMap<String, Object>();
            variables.put(CaseVariables.CASE_ID, caseId);
            variables.put(CaseVariables.CUSTOMER_ID, customerId);
            variables.put(CaseVariables.ASSIGNED_GROUP, GROUP);
            variables.put("replyBy", now.plusDays(7).toString());
            variables.put("failAfterAcknowledgement", false);
            variables.putAll(extraVariables);
            var instance = runtime.createProcessInstanceByKey(PROCESS).businessKey(caseId).setVariables(variables)
                    .execute();
            cases.linkProcess(caseId, instance.getId(), now);
            return new Opened(caseId, instance.getId());
        });
    }

    private String insert(String customerId, OffsetDateTime now) {
        var caseId = cases.nextId(CaseKind.COMPLAINT, now.atZoneSameInstant(EngineClock.ZONE).getYear());
        cases.insert(new ServiceCase(caseId, CaseKind.COMPLAINT, customerId, Channel.HOTLINE, "METER",
                "Meter display blank", null, null, now, null, CaseStatus.OPEN, "RECEIVED", null, GROUP, 50, null,
                null), now);
        return caseId;
    }
}
