package com.gridcare.customer;

import java.util.List;

/**
 * Published in the storing transaction when a customer's monthly consumption was stored, so that
 * other features can react (the proactive meter test) without the customer feature knowing them.
 */
public record ConsumptionStored(String customerId, List<MonthlyConsumption> months) {
}
