package com.gridcare.contract;

/** What a business customer agreed with the utility. */
public enum ContractKind {
    /** the supply contract (供用电合同) */
    SUPPLY,
    /** green-power purchase (绿电交易) */
    GREEN_POWER,
    /** demand response: load reduced on request for a payment (需求响应) */
    DEMAND_RESPONSE
}
