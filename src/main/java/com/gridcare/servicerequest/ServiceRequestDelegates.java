package com.gridcare.servicerequest;

import com.gridcare.kernel.process.CaseVariables;
import com.gridcare.kernel.process.ServiceRequestVariables;

import com.gridcare.kernel.EngineClock;
import com.gridcare.cases.CaseStepContext;
import com.gridcare.cases.ProcessSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.clock.SlaClock;
import com.gridcare.clock.SlaFacts;
import com.gridcare.customer.Tier;
import com.gridcare.kernel.Groups;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The steps of {@code service-request} that are GridCare's own: thin glue from the case-step context to the services. */
final class ServiceRequestDelegates {

    private ServiceRequestDelegates() {
    }

    /** The request behind a step's case. */
    static ServiceRequests.Stored request(ServiceRequests requests, CaseStepContext step) {
        return requests.find(step.caseId()).orElseThrow(() -> new IllegalStateException(
                "case " + step.caseId() + " has no service_request row"));
    }

    /** The SLA catalogue's view: the case and customer, with the requested voltage, supply and outage area. */
    static SlaFacts slaFacts(CaseStepContext step, RequestDetails details) {
        var facts = step.slaFacts();
        if (details.voltageKv() != null) facts.setSupplyVoltageKv(details.voltageKv().doubleValue());
        facts.setSupply(details.supply());
        if (details.area() != null) facts.setArea(details.area());
        return facts;
    }

    /** "Route request": owner, site-work group and priority by the service-request routing rules. */
    @Component("routeServiceRequest")
    static class Route implements JavaDelegate {
        private final ProcessSteps steps;
        private final ServiceRequests requests;
        private final ServiceRequestRouting routing;

        Route(ProcessSteps steps, ServiceRequests requests, ServiceRequestRouting routing) {
            this.steps = steps;
            this.requests = requests;
            this.routing = routing;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var step = steps.of(execution);
            var evaluated = step.latest(StepKind.CUSTOMER_EVALUATED).orElseThrow(() -> new IllegalStateException(
                    "case " + step.caseId() + " is routed before its customer was evaluated (\"Evaluate customer\")"));
            BigDecimal voltage = request(requests, step).details().voltageKv();
            var decision = routing.route(step.serviceCase(), step.customer(), Tier.valueOf(evaluated.text("tier")),
                    voltage, evaluated.text("reason"));
            var siteWork = decision.output().getSiteWorkGroup() != null ? decision.output().getSiteWorkGroup()
                    : Groups.FIELD_SERVICE;
            var details = new LinkedHashMap<String, Object>();
            details.put("group", decision.output().getGroup());
            details.put("priority", decision.output().getPriority());
            details.put("siteWorkGroup", siteWork);
            details.put("reason", decision.explanation());
            details.put("decisionId", decision.id());
            step.record(StepKind.ROUTED, details);
            step.keep(CaseVariables.ASSIGNED_GROUP, decision.output().getGroup());
            step.keep(ServiceRequestVariables.SITE_WORK_GROUP, siteWork);
            step.keep(CaseVariables.PRIORITY, decision.output().getPriority());
        }
    }

    /**
     * "Start SLA clocks": the request's clocks from the SLA catalogue, counted from receipt, with the
     * requested voltage and supply (connections) and the outage's area. Outage restoration starts
     * later, on arrival.
     */
    @Component("startServiceRequestClocks")
    static class StartClocks implements JavaDelegate {
        private final ProcessSteps steps;
        private final ServiceRequests requests;

        StartClocks(ProcessSteps steps, ServiceRequests requests) {
            this.steps = steps;
            this.requests = requests;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var step = steps.of(execution);
            var details = request(requests, step).details();
            var outage = details.type() == ServiceRequestType.OUTAGE_REPAIR;
            step.clocks().start(step.caseId(), step.customerId(), slaFacts(step, details),
                    step.serviceCase().receivedAt().toInstant(),
                    outage ? List.of(SlaClock.OUTAGE_ARRIVAL) : null);
            var main = ServiceRequestIntake.mainClock(details.type());
            if (step.clocks().dueAt(step.caseId(), main).isEmpty()) {
                throw new IllegalStateException("the SLA catalogue gives case " + step.caseId() + " no " + main
                        + " clock: add a row for " + details.type());
            }
        }
    }

    /** "Start restoration clock": on the crew's arrival, when the catalogue has a target for the area. */
    @Component("startRestorationClock")
    static class StartRestorationClock implements JavaDelegate {
        private final ProcessSteps steps;
        private final ServiceRequests requests;
        private final Clock clock;

        StartRestorationClock(ProcessSteps steps, ServiceRequests requests, Clock clock) {
            this.steps = steps;
            this.requests = requests;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var step = steps.of(execution);
            step.clocks().start(step.caseId(), step.customerId(), slaFacts(step, request(requests, step).details()),
                    clock.instant(),
                    List.of(SlaClock.OUTAGE_RESTORATION));
            step.keep(ServiceRequestVariables.RESTORATION_TARGET,
                    step.clocks().dueAt(step.caseId(), SlaClock.OUTAGE_RESTORATION).isPresent());
        }
    }

    /** "Record supply restored": when supply came back, the time the customer is told. */
    @Component("recordSupplyRestored")
    static class RecordSupplyRestored implements JavaDelegate {
        private final ProcessSteps steps;
        private final Clock clock;

        RecordSupplyRestored(ProcessSteps steps, Clock clock) {
            this.steps = steps;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            steps.of(execution).record(StepKind.SUPPLY_RESTORED,
                    Map.of("restoredAt", OffsetDateTime.ofInstant(clock.instant(), EngineClock.ZONE).toString()));
        }
    }

    /**
     * "Check documents": which documents the type needs that the customer has not given, handed to the
     * gateway after it ({@value ServiceRequestVariables#REQUEST_COMPLETE}). When some are missing, the record
     * gets the round (the step of the request and reminder messages), what is missing and the date the
     * request expires.
     */
    @Component("checkRequestDocuments")
    static class CheckDocuments implements JavaDelegate {
        private final ProcessSteps steps;
        private final ServiceRequests requests;
        private final MissingDocuments missingDocuments;

        CheckDocuments(ProcessSteps steps, ServiceRequests requests, MissingDocuments missingDocuments) {
            this.steps = steps;
            this.requests = requests;
            this.missingDocuments = missingDocuments;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var step = steps.of(execution);
            var request = request(requests, step);
            var held = request.documents();
            var missing = request.details().required(step.customer()).stream().filter(d -> !held.contains(d)).toList();
            step.pass(ServiceRequestVariables.REQUEST_COMPLETE, missing.isEmpty());
            if (missing.isEmpty()) return;
            var expires = missingDocuments.answerBy();
            var details = new LinkedHashMap<String, Object>();
            details.put("documents", missing.stream().map(RequestDocument::label).collect(Collectors.joining("; ")));
            details.put("round", step.steps().all(step.caseId(), StepKind.DOCUMENTS_MISSING).size() + 1);
            details.put("answerBy", OffsetDateTime.ofInstant(expires, EngineClock.ZONE).toString());
            step.record(StepKind.DOCUMENTS_MISSING, details);
        }
    }

    /** "Enrol in green plan": the GREEN segment and the plan's reward. */
    @Component("enrolGreenPlan")
    static class EnrolGreenPlan implements JavaDelegate {
        private final ProcessSteps steps;
        private final GreenPlanEnrolment enrolment;

        EnrolGreenPlan(ProcessSteps steps, GreenPlanEnrolment enrolment) {
            this.steps = steps;
            this.enrolment = enrolment;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var step = steps.of(execution);
            enrolment.enrol(step.caseId(), step.customerId());
        }
    }
}
