package com.gridcare.servicerequest;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A customer's consumption in a month against the same month a year before, read by
 * {@code rules/consumptionjump}. The rules' answer (the request to open, and the row that said so)
 * is kept on the fact.
 */
public class ConsumptionJumpFacts {

    private String customerId;
    private String month;
    private double kwh;
    private double kwhSameMonthLastYear;
    private boolean sameMonthLastYearKnown;
    private ServiceRequestType proposedType;
    private String proposedBy;

    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public String getMonth() { return month; }
    public void setMonth(String month) { this.month = month; }
    public double getKwh() { return kwh; }
    public void setKwh(double kwh) { this.kwh = kwh; }
    public double getKwhSameMonthLastYear() { return kwhSameMonthLastYear; }
    public void setKwhSameMonthLastYear(double kwhSameMonthLastYear) { this.kwhSameMonthLastYear = kwhSameMonthLastYear; }
    public boolean isSameMonthLastYearKnown() { return sameMonthLastYearKnown; }
    public void setSameMonthLastYearKnown(boolean known) { this.sameMonthLastYearKnown = known; }

    /** Increase over the same month last year in percent; 0 without a (positive) figure for last year. */
    public double getIncreasePercent() {
        if (!sameMonthLastYearKnown || kwhSameMonthLastYear <= 0) return 0;
        return (kwh - kwhSameMonthLastYear) / kwhSameMonthLastYear * 100;
    }

    public double getIncreaseKwh() {
        return sameMonthLastYearKnown ? kwh - kwhSameMonthLastYear : 0;
    }

    // what the rules decide

    public void propose(ServiceRequestType type, String rule) {
        this.proposedType = type;
        this.proposedBy = rule;
    }

    @JsonIgnore
    public ServiceRequestType getProposedType() { return proposedType; }
    @JsonIgnore
    public String getProposedBy() { return proposedBy; }
}
