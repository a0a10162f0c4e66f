package com.gridcare.offers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.Tier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the offer rules know about a customer, read by {@code rules/offers}: tier (from the customer
 * rules), tenure, payment record, contract, green plan, and — when asking about a reward — the event
 * and how often this reward was already credited this year. The answer is kept on the fact
 * ({@link #getResult()}).
 */
public class OfferFacts {

    private String customerId;
    private Tier tier;
    private CustomerClass customerClass;
    private double tenureYears;
    private int monthsAsCustomer;
    private double onTimePaymentShare = 1.0;
    private int contractTermYears;
    private boolean greenPlan;
    private boolean arrearsOver90Days;
    private Set<String> redeemedOffers = new TreeSet<>();
    private RewardEvent event;
    private int creditedThisYear;
    private final Offers result = new Offers();

    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public Tier getTier() { return tier; }
    public void setTier(Tier tier) { this.tier = tier; }
    public boolean isKeyAccount() { return tier == Tier.KEY || tier == Tier.STRATEGIC; }
    public CustomerClass getCustomerClass() { return customerClass; }
    public void setCustomerClass(CustomerClass customerClass) { this.customerClass = customerClass; }
    public double getTenureYears() { return tenureYears; }
    public void setTenureYears(double tenureYears) { this.tenureYears = tenureYears; }
    /** Whole months since the contract started. */
    public int getMonthsAsCustomer() { return monthsAsCustomer; }
    public void setMonthsAsCustomer(int monthsAsCustomer) { this.monthsAsCustomer = monthsAsCustomer; }
    /** Share of the last 12 months' bills paid on time, 0 to 1. */
    public double getOnTimePaymentShare() { return onTimePaymentShare; }
    public void setOnTimePaymentShare(double onTimePaymentShare) { this.onTimePaymentShare = onTimePaymentShare; }
    public int getContractTermYears() { return contractTermYears; }
    public void setContractTermYears(int contractTermYears) { this.contractTermYears = contractTermYears; }
    public boolean isGreenPlan() { return greenPlan; }
    public void setGreenPlan(boolean greenPlan) { this.greenPlan = greenPlan; }
    public boolean isArrearsOver90Days() { return arrearsOver90Days; }
    public void setArrearsOver90Days(boolean arrearsOver90Days) { this.arrearsOver90Days = arrearsOver90Days; }
    /** Once-only offers the customer has already had (from the points and offers ledger). */
    public Set<String> getRedeemedOffers() { return redeemedOffers; }
    public void setRedeemedOffers(Set<String> redeemedOffers) { this.redeemedOffers = new TreeSet<>(redeemedOffers); }
    /** The event a reward is asked for; null when asking for the standing offers. */
    public RewardEvent getEvent() { return event; }
    public void setEvent(RewardEvent event) { this.event = event; }
    /** How many times this event's reward was already credited to the customer this calendar year. */
    public int getCreditedThisYear() { return creditedThisYear; }
    public void setCreditedThisYear(int creditedThisYear) { this.creditedThisYear = creditedThisYear; }

    // what the rules decide

    @JsonIgnore
    public Offers getResult() { return result; }

    /** A row grants an offer; further action cells set its percent, points, frequency and what it replaces. */
    public Offer offer(String code, String rule) { return result.offer(code, rule); }
    public void excludePercentDiscounts(String rule) { result.excludePercentDiscounts(rule); }
    public void capPercentDiscounts(double max, String rule) { result.capPercentDiscounts(max, rule); }

    /** Codes of the granted standing offers. */
    @JsonIgnore
    public List<String> getOffers() { return result.standing().stream().map(Offer::getCode).toList(); }
    /** The discount on the next bill in percent. */
    @JsonIgnore
    public double getDiscountPercent() { return result.discountPercent(); }
    /** The code of the reward granted for the event, or null. */
    @JsonIgnore
    public String getReward() { return result.reward().map(Offer::getCode).orElse(null); }
    @JsonIgnore
    public int getRewardPoints() { return result.reward().map(Offer::getPoints).orElse(0); }
    /** Points per quarter from standing offers (the green plan). */
    @JsonIgnore
    public int getQuarterlyPoints() {
        return result.standing().stream().filter(o -> o.getFrequency() == OfferFrequency.EVERY_QUARTER)
                .mapToInt(Offer::getPoints).sum();
    }
}
