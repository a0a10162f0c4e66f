package com.gridcare.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/** A customer as GridCare keeps it: master data plus the latest evaluation by the rules. */
public record Customer(
        String id,
        String name,
        CustomerClass customerClass,
        BigDecimal supplyVoltageKv,
        BigDecimal contractedCapacityKva,
        LocalDate contractStart,
        Integer contractTermYears,
        boolean criticalLoad,
        boolean priorityCare,
        boolean greenPreference,
        LocalDate greenPlanSince,
        Area area,
        PreferredChannel preferredChannel,
        String phone,
        String email,
        String address,
        Tier tier,
        Set<String> flags,
        Set<String> segments,
        OffsetDateTime evaluatedAt,
        String feederId,
        String transformerArea) {

    public boolean greenPlan() {
        return greenPlanSince != null;
    }
}
