package com.gridcare.servicerequest;

import com.gridcare.cases.CaseStepContext;
import com.gridcare.cases.FormContext;
import com.gridcare.cases.StepKind;
import com.gridcare.clock.SlaClock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a service request's forms show besides the case's context: the request's details (voltage,
 * supply, outage area, the month of a proactive meter test), the customer's answer with their
 * documents, the arrival and restoration deadlines, and what the earlier steps of the work recorded
 * (site survey findings, meter test result, crew, arrival note).
 */
@Component
class ServiceRequestFormContext implements FormContext {

    private final ServiceRequests requests;

    ServiceRequestFormContext(ServiceRequests requests) {
        this.requests = requests;
    }

    @Override
    public Map<String, Object> values(CaseStepContext step, String processKey, String taskKey) {
        if (!ServiceRequestIntake.PROCESS_KEY.equals(processKey) || !step.hasCase()) return Map.of();
        var request = requests.find(step.caseId()).orElse(null);
        if (request == null) return Map.of();
        var details = request.details();
        var values = new LinkedHashMap<String, Object>();
        if (details.voltageKv() != null) values.put("voltageKv", details.voltageKv().doubleValue());
        if (details.values().containsKey("supply")) values.put("supply", details.supply().name());
        values.put("area", details.area() != null ? details.area().name() : step.customer().area().name());
        values.put("proactive", request.proactive());
        var month = details.values().get("month");
        values.put("month", month == null ? "" : month.toString());
        values.put("customerAnswer", latest(step, StepKind.DOCUMENTS_RECEIVED, "customerAnswer"));
        values.put("surveyFindings", latest(step, StepKind.SITE_SURVEY, "surveyFindings"));
        values.put("meterTestResult", latest(step, StepKind.METER_TEST, "meterTestResult"));
        values.put("crewName", latest(step, StepKind.CREW_DISPATCHED, "crewName"));
        values.put("arrivalNote", latest(step, StepKind.CREW_ARRIVED, "arrivalNote"));
        step.clocks().dueAt(step.caseId(), SlaClock.OUTAGE_ARRIVAL).ifPresent(due -> values.put("arrivalBy", due.toString()));
        if (details.type() == ServiceRequestType.OUTAGE_REPAIR) {
            values.put("restoreBy", step.clocks().dueAt(step.caseId(), SlaClock.OUTAGE_RESTORATION)
                    .map(Object::toString).orElse(ServiceRequestExpressions.AS_SOON_AS_POSSIBLE));
        }
        return values;
    }

    private static String latest(CaseStepContext step, StepKind kind, String field) {
        return step.latest(kind).map(s -> s.text(field)).orElse("");
    }
}
