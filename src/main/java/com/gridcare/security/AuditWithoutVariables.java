package com.gridcare.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * GridCare's history level ({@code camunda.bpm.history-level: audit-without-variables}): Camunda's
 * "audit" (process, activity and task instances, user operations, incidents) without the history of
 * process variables. Variables carry what customers tell staff (names, notes, questions), and
 * personal data stays out of process history (docs/operations.md); GridCare's own case history and decision
 * log record what a case went through. It also saves an insert or update per variable written (a
 * quarter of an intake's SQL statements; bench/performance.sh).
 *
 * <p>It keeps audit's id (2), so a database created at audit level starts with it and back.
 */
final class AuditWithoutVariables extends HistoryLevelAudit {

    static final String NAME = "audit-without-variables";

    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return !VARIABLE_EVENTS.contains(eventType) && super.isHistoryEventProduced(eventType, entity);
    }
}
