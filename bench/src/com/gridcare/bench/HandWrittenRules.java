package com.gridcare.bench;

import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerFacts;
import com.gridcare.customer.Tier;
import com.gridcare.offers.OfferFacts;
import com.gridcare.offers.OfferFrequency;
import com.gridcare.offers.RewardEvent;

/**
 * GridCare's default rules written by hand in Java: the practical limit the rule engine is measured
 * against. The full version fills the same fact and result objects as the rules do.
 */
final class HandWrittenRules {

    private HandWrittenRules() {
    }

    static Tier tier(boolean residential, double annualKwh, double supplyVoltageKv, double contractedCapacityKva) {
        if (residential) return Tier.RESIDENTIAL;
        if (annualKwh >= 10_000_000 || supplyVoltageKv >= 110) return Tier.STRATEGIC;
        if (annualKwh >= 1_000_000 || contractedCapacityKva >= 315) return Tier.KEY;
        return Tier.BUSINESS;
    }

    /** tier, flags, segments */
    static void customer(CustomerFacts c) {
        var tier = tier(c.isResidential(), c.getAnnualKwh(), c.getSupplyVoltageKv(), c.getContractedCapacityKva());
        c.proposeTier(tier, tier.name());
        if (c.isCriticalLoad()) {
            c.addFlag("IMPORTANT");
            c.addSegment("RELIABILITY");
        }
        if (c.isResidential() && c.isPriorityCare()) c.addFlag("PRIORITY_CARE");
        if (c.isGreenPreference() || c.isGreenPlan()) c.addSegment("GREEN");
        if (c.getCustomerClass() == CustomerClass.INDUSTRIAL && tier.atLeast(Tier.KEY)) c.addSegment("RELIABILITY");
        if (c.getContactsLastYear() > 0 && c.getDigitalContactShare() >= 0.8) c.addSegment("DIGITAL");
        if (c.getBillingComplaintsLast12Months() >= 2) c.addSegment("PRICE_SENSITIVE");
    }

    /** the offers table and its limits */
    static void offers(OfferFacts o) {
        if (o.getMonthsAsCustomer() < 3 && !o.getRedeemedOffers().contains("NEW_CUSTOMER")) {
            var offer = o.offer("NEW_CUSTOMER", "NEW_CUSTOMER");
            offer.percent(5);
            offer.frequency(OfferFrequency.ONCE);
        }
        if (o.getTenureYears() >= 5 && o.getOnTimePaymentShare() >= 0.95) o.offer("LOYALTY_5Y", "LOYALTY_5Y").percent(2);
        if (o.getTenureYears() >= 10 && o.getOnTimePaymentShare() >= 0.95) {
            var offer = o.offer("LOYALTY_10Y", "LOYALTY_10Y");
            offer.percent(3);
            offer.replaces("LOYALTY_5Y");
        }
        if (o.isKeyAccount() && o.getContractTermYears() >= 3) o.offer("LONG_TERM_CONTRACT", "LONG_TERM_CONTRACT").percent(1.5);
        if (o.isGreenPlan()) {
            var offer = o.offer("GREEN_PLAN", "GREEN_PLAN");
            offer.points(200);
            offer.frequency(OfferFrequency.EVERY_QUARTER);
        }
        if (o.getEvent() == RewardEvent.SURVEY_ANSWERED && o.getCreditedThisYear() < 4) {
            var offer = o.offer("SURVEY_THANKS", "SURVEY_THANKS");
            offer.points(50);
            offer.frequency(OfferFrequency.PER_EVENT);
        }
        if (o.getEvent() == RewardEvent.RESOLUTION_BREACHED) {
            var offer = o.offer("SERVICE_RECOVERY", "SERVICE_RECOVERY");
            offer.points(100);
            offer.frequency(OfferFrequency.PER_EVENT);
        }
        if (o.isArrearsOver90Days()) o.excludePercentDiscounts("arrears");
        o.capPercentDiscounts(5, "cap");
    }
}
