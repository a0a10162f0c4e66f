package com.gridcare.customer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;

/**
 * What the customer rules know about a customer: master data and figures derived from the
 * consumption, payment and contact history, read by {@code rules/customer}. The rules' answer is
 * kept on the fact itself ({@link #getEvaluation()}), so every rule matches a single fact and many
 * customers can be decided in one session.
 */
public class CustomerFacts {

    private String customerId;
    private CustomerClass customerClass;
    private double annualKwh;
    private double supplyVoltageKv;
    private double contractedCapacityKva;
    private boolean criticalLoad;
    private boolean priorityCare;
    private boolean greenPreference;
    private boolean greenPlan;
    private int contactsLastYear;
    private int digitalContactsLastYear;
    private int billingComplaintsLast12Months;
    private double tenureYears;
    private int monthsAsCustomer;
    private int contractTermYears;
    private double onTimePaymentShare = 1.0;
    private boolean arrearsOver90Days;
    private final CustomerEvaluation evaluation = new CustomerEvaluation();

    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public CustomerClass getCustomerClass() { return customerClass; }
    public void setCustomerClass(CustomerClass customerClass) { this.customerClass = customerClass; }
    public boolean isResidential() { return customerClass == CustomerClass.RESIDENTIAL; }
    public double getAnnualKwh() { return annualKwh; }
    public void setAnnualKwh(double annualKwh) { this.annualKwh = annualKwh; }
    public double getSupplyVoltageKv() { return supplyVoltageKv; }
    public void setSupplyVoltageKv(double supplyVoltageKv) { this.supplyVoltageKv = supplyVoltageKv; }
    public double getContractedCapacityKva() { return contractedCapacityKva; }
    public void setContractedCapacityKva(double contractedCapacityKva) { this.contractedCapacityKva = contractedCapacityKva; }
    public boolean isCriticalLoad() { return criticalLoad; }
    public void setCriticalLoad(boolean criticalLoad) { this.criticalLoad = criticalLoad; }
    public boolean isPriorityCare() { return priorityCare; }
    public void setPriorityCare(boolean priorityCare) { this.priorityCare = priorityCare; }
    public boolean isGreenPreference() { return greenPreference; }
    public void setGreenPreference(boolean greenPreference) { this.greenPreference = greenPreference; }
    public boolean isGreenPlan() { return greenPlan; }
    public void setGreenPlan(boolean greenPlan) { this.greenPlan = greenPlan; }
    public int getContactsLastYear() { return contactsLastYear; }
    public void setContactsLastYear(int contactsLastYear) { this.contactsLastYear = contactsLastYear; }
    public int getDigitalContactsLastYear() { return digitalContactsLastYear; }
    public void setDigitalContactsLastYear(int digitalContactsLastYear) { this.digitalContactsLastYear = digitalContactsLastYear; }
    /** Share of last year's contacts made by app or web, 0 when there were none. */
    public double getDigitalContactShare() {
        return contactsLastYear == 0 ? 0 : (double) digitalContactsLastYear / contactsLastYear;
    }
    public int getBillingComplaintsLast12Months() { return billingComplaintsLast12Months; }
    public void setBillingComplaintsLast12Months(int n) { this.billingComplaintsLast12Months = n; }
    public double getTenureYears() { return tenureYears; }
    public void setTenureYears(double tenureYears) { this.tenureYears = tenureYears; }
    /** Whole months since the contract started. */
    public int getMonthsAsCustomer() { return monthsAsCustomer; }
    public void setMonthsAsCustomer(int monthsAsCustomer) { this.monthsAsCustomer = monthsAsCustomer; }
    public int getContractTermYears() { return contractTermYears; }
    public void setContractTermYears(int contractTermYears) { this.contractTermYears = contractTermYears; }
    public double getOnTimePaymentShare() { return onTimePaymentShare; }
    public void setOnTimePaymentShare(double onTimePaymentShare) { this.onTimePaymentShare = onTimePaymentShare; }
    public boolean isArrearsOver90Days() { return arrearsOver90Days; }
    public void setArrearsOver90Days(boolean arrearsOver90Days) { this.arrearsOver90Days = arrearsOver90Days; }

    // what the rules decide

    @JsonIgnore
    public CustomerEvaluation getEvaluation() { return evaluation; }

    /** A tier-table row proposes a tier; the highest proposal is the customer's tier. */
    public void proposeTier(Tier tier, String rule) { evaluation.propose(tier, rule); }
    public void addFlag(String flag) { evaluation.addFlag(flag); }
    public void addSegment(String segment) { evaluation.addSegment(segment); }

    /** The tier proposed so far: final once every tier row has fired. */
    @JsonIgnore
    public Tier getTier() { return evaluation.getTier(); }
    @JsonIgnore
    public Set<String> getFlags() { return evaluation.getFlags(); }
    @JsonIgnore
    public Set<String> getSegments() { return evaluation.getSegments(); }
}
