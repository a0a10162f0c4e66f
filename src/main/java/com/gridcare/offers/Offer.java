package com.gridcare.offers;

/**
 * One offer a rule grants: a discount on the next bill in percent and/or reward points. A table
 * row builds it: {@code Offer offer = $o.offer("LOYALTY_10Y", rule); offer.percent(3); offer.replaces("LOYALTY_5Y");}
 */
public class Offer {

    public enum Status { GRANTED, REPLACED, EXCLUDED }

    private final String code;
    private final String rule;
    private double percent;
    private int points;
    private OfferFrequency frequency = OfferFrequency.EVERY_BILL;
    private String replaces;
    private Status status = Status.GRANTED;
    private String reason;

    public Offer(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    public void percent(double percent) { this.percent = percent; }
    public void points(int points) { this.points = points; }
    public void frequency(OfferFrequency frequency) { this.frequency = frequency; }
    public void replaces(String code) { this.replaces = code; }

    void withdraw(Status status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    public String getCode() { return code; }
    public String getRule() { return rule; }
    public double getPercent() { return percent; }
    public int getPoints() { return points; }
    public OfferFrequency getFrequency() { return frequency; }
    public String getReplaces() { return replaces; }
    public Status getStatus() { return status; }
    public String getReason() { return reason; }

    public boolean isGranted() { return status == Status.GRANTED; }
    public boolean isReward() { return frequency == OfferFrequency.PER_EVENT; }
}
