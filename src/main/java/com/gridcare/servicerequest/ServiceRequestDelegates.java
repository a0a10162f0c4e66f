package com.gridcare.servicerequest;

import static com.gridcare.cases.ProcessVariables.ANSWER_BY;
import static com.gridcare.cases.ProcessVariables.ARRIVAL_BY;
import static com.gridcare.cases.ProcessVariables.ASSIGNED_GROUP;
import static com.gridcare.cases.ProcessVariables.CASE_ID;
import static com.gridcare.cases.ProcessVariables.DOCUMENT_ROUND;
import static com.gridcare.cases.ProcessVariables.DUE_AT;
import static com.gridcare.cases.ProcessVariables.MISSING_DOCUMENTS;
import static com.gridcare.cases.ProcessVariables.PRIORITY;
import static com.gridcare.cases.ProcessVariables.REQUEST_COMPLETE;
import static com.gridcare.cases.ProcessVariables.RESTORATION_TARGET;
import static com.gridcare.cases.ProcessVariables.RESTORED_AT;
import static com.gridcare.cases.ProcessVariables.RESTORE_BY;
import static com.gridcare.cases.ProcessVariables.ROUTING_DECISION_ID;
import static com.gridcare.cases.ProcessVariables.ROUTING_REASON;
import static com.gridcare.cases.ProcessVariables.SITE_WORK_GROUP;
import static com.gridcare.cases.ProcessVariables.TIER;
import static com.gridcare.cases.ProcessVariables.TIER_REASON;

import com.gridcare.EngineClock;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.ServiceCase;
import com.gridcare.clock.Calendars;
import com.gridcare.clock.CaseClocks;
import com.gridcare.clock.ClockService;
import com.gridcare.clock.SlaClock;
import com.gridcare.clock.SlaFacts;
import com.gridcare.clock.TargetUnit;
import com.gridcare.customer.Customer;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.Tier;
import com.gridcare.security.Groups;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/** The steps of {@code service-request} that are GridCare's own: thin glue to the services. */
final class ServiceRequestDelegates {

    private ServiceRequestDelegates() {
    }

    /** What the steps share: the case, its customer and its request. */
    @Service
    static class RequestContext {
        private final CaseRepository cases;
        private final CustomerRepository customers;
        private final ServiceRequests requests;
        private final CaseClocks clocks;

        RequestContext(CaseRepository cases, CustomerRepository customers, ServiceRequests requests, CaseClocks clocks) {
            this.cases = cases;
            this.customers = customers;
            this.requests = requests;
            this.clocks = clocks;
        }

        ServiceCase serviceCase(DelegateExecution execution) {
            return cases.find((String) execution.getVariable(CASE_ID)).orElseThrow();
        }

        Customer customer(ServiceCase serviceCase) {
            return customers.find(serviceCase.customerId()).orElseThrow();
        }

        ServiceRequests.Stored request(ServiceCase serviceCase) {
            return requests.find(serviceCase.id()).orElseThrow(() -> new IllegalStateException(
                    "case " + serviceCase.id() + " has no service_request row"));
        }

        /** The SLA catalogue's view: the case and customer, with the requested voltage, supply and outage area. */
        SlaFacts slaFacts(ServiceCase serviceCase, Customer customer, RequestDetails details) {
            var facts = clocks.factsOf(serviceCase, customer);
            if (details.voltageKv() != null) facts.setSupplyVoltageKv(details.voltageKv().doubleValue());
            facts.setSupply(details.supply());
            if (details.area() != null) facts.setArea(details.area());
            return facts;
        }

        String dueAt(String caseId, SlaClock clock) {
            return clocks.dueAt(caseId, clock).map(OffsetDateTime::toString).orElse(null);
        }
    }

    /** "Route request": owner, site-work group and priority by the service-request routing rules. */
    @Component("routeServiceRequest")
    static class Route implements JavaDelegate {
        private final RequestContext context;
        private final ServiceRequestRouting routing;

        Route(RequestContext context, ServiceRequestRouting routing) {
            this.context = context;
            this.routing = routing;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var serviceCase = context.serviceCase(execution);
            var customer = context.customer(serviceCase);
            BigDecimal voltage = context.request(serviceCase).details().voltageKv();
            var decision = routing.route(serviceCase, customer, Tier.valueOf((String) execution.getVariable(TIER)),
                    voltage, (String) execution.getVariable(TIER_REASON));
            var siteWork = decision.output().getSiteWorkGroup();
            execution.setVariable(ASSIGNED_GROUP, decision.output().getGroup());
            execution.setVariable(SITE_WORK_GROUP, siteWork != null ? siteWork : Groups.FIELD_SERVICE);
            execution.setVariable(PRIORITY, decision.output().getPriority());
            execution.setVariable(ROUTING_REASON, decision.explanation());
            execution.setVariable(ROUTING_DECISION_ID, decision.id());
        }
    }

    /**
     * "Start SLA clocks": the request's clocks from the SLA catalogue, counted from receipt, with the
     * requested voltage and supply (connections) and the outage's area. Outage restoration starts
     * later, on arrival.
     */
    @Component("startServiceRequestClocks")
    static class StartClocks implements JavaDelegate {
        private final RequestContext context;
        private final CaseClocks clocks;

        StartClocks(RequestContext context, CaseClocks clocks) {
            this.context = context;
            this.clocks = clocks;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var serviceCase = context.serviceCase(execution);
            var details = context.request(serviceCase).details();
            var facts = context.slaFacts(serviceCase, context.customer(serviceCase), details);
            var outage = details.type() == ServiceRequestType.OUTAGE_REPAIR;
            clocks.start(serviceCase.id(), facts, serviceCase.receivedAt().toInstant(),
                    outage ? List.of(SlaClock.OUTAGE_ARRIVAL) : null);
            var main = ServiceRequestIntake.mainClock(details.type());
            if (clocks.dueAt(serviceCase.id(), main).isEmpty()) {
                throw new IllegalStateException("the SLA catalogue gives case " + serviceCase.id() + " no " + main
                        + " clock: add a row for " + details.type());
            }
            execution.setVariable(DUE_AT, context.dueAt(serviceCase.id(), main));
            if (outage) execution.setVariable(ARRIVAL_BY, context.dueAt(serviceCase.id(), SlaClock.OUTAGE_ARRIVAL));
        }
    }

    /** "Start restoration clock": on the crew's arrival, when the catalogue has a target for the area. */
    @Component("startRestorationClock")
    static class StartRestorationClock implements JavaDelegate {
        private final RequestContext context;
        private final CaseClocks clocks;
        private final Clock clock;

        StartRestorationClock(RequestContext context, CaseClocks clocks, Clock clock) {
            this.context = context;
            this.clocks = clocks;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var serviceCase = context.serviceCase(execution);
            var details = context.request(serviceCase).details();
            var facts = context.slaFacts(serviceCase, context.customer(serviceCase), details);
            clocks.start(serviceCase.id(), facts, clock.instant(), List.of(SlaClock.OUTAGE_RESTORATION));
            var restoreBy = context.dueAt(serviceCase.id(), SlaClock.OUTAGE_RESTORATION);
            execution.setVariable(RESTORATION_TARGET, restoreBy != null);
            execution.setVariable(RESTORE_BY, restoreBy != null ? restoreBy
                    : "as soon as possible / 尽快");
        }
    }

    /** "Record supply restored": the time the customer is told. */
    @Component("recordSupplyRestored")
    static class RecordSupplyRestored implements JavaDelegate {
        private final Clock clock;

        RecordSupplyRestored(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(RESTORED_AT, OffsetDateTime.ofInstant(clock.instant(), EngineClock.ZONE).toString());
        }
    }

    /**
     * "Check documents": which documents the type needs that the customer has not given. When some
     * are missing, counts the round (the step of the request and reminder messages) and the date the
     * request expires.
     */
    @Component("checkRequestDocuments")
    static class CheckDocuments implements JavaDelegate {
        /** The customer has this long to send what is missing (PRODUCT.md: expire after 10 working days). */
        static final BigDecimal EXPIRY_WORKING_DAYS = BigDecimal.TEN;

        private final RequestContext context;
        private final ClockService time;
        private final Clock clock;

        CheckDocuments(RequestContext context, ClockService time, Clock clock) {
            this.context = context;
            this.time = time;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var serviceCase = context.serviceCase(execution);
            var request = context.request(serviceCase);
            var held = request.documents();
            var missing = request.details().required(context.customer(serviceCase)).stream()
                    .filter(d -> !held.contains(d)).toList();
            execution.setVariable(REQUEST_COMPLETE, missing.isEmpty());
            execution.setVariable(MISSING_DOCUMENTS, missing.stream().map(RequestDocument::label)
                    .collect(Collectors.joining("; ")));
            if (missing.isEmpty()) return;
            var round = execution.getVariable(DOCUMENT_ROUND) instanceof Integer n ? n : 0;
            execution.setVariable(DOCUMENT_ROUND, round + 1);
            var now = clock.instant();
            var expires = time.add(Calendars.CHINA_WORKDAYS, now,
                    time.workingTime(Calendars.CHINA_WORKDAYS, EXPIRY_WORKING_DAYS, TargetUnit.WORKING_DAYS));
            execution.setVariable(ANSWER_BY, OffsetDateTime.ofInstant(expires, EngineClock.ZONE).toString());
        }
    }

    /** "Enrol in green plan": the GREEN segment and the plan's reward. */
    @Component("enrolGreenPlan")
    static class EnrolGreenPlan implements JavaDelegate {
        private final GreenPlanEnrolment enrolment;

        EnrolGreenPlan(GreenPlanEnrolment enrolment) {
            this.enrolment = enrolment;
        }

        @Override
        public void execute(DelegateExecution execution) {
            enrolment.enrol((String) execution.getVariable(CASE_ID),
                    (String) execution.getVariable(com.gridcare.cases.ProcessVariables.CUSTOMER_ID));
        }
    }
}
