package com.gridcare.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A contract as GridCare keeps it, with the outcome of its renewal once decided. */
public record Contract(
        String id,
        String customerId,
        ContractKind kind,
        LocalDate startsOn,
        int termYears,
        LocalDate endsOn,
        RenewalTerms renewalTerms,
        BigDecimal contractedCapacityKva,
        PriceBasis priceBasis,
        ContractStatus status,
        String owningGroup,
        String previousContractId,
        String renewalProcessInstanceId,
        OffsetDateTime createdAt,
        Renewal renewal) {

    /** The renewal conversation's decision. */
    public record Renewal(RenewalOutcome outcome, String newContractId, Integer newTermYears, LostReason lostReason,
            String note, String decidedBy, OffsetDateTime decidedAt) {}
}
