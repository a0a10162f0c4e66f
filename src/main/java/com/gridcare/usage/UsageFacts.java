package com.gridcare.usage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.Tier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the advice rules ({@code rules/advice}) know of a usage report: the customer's class, tier and
 * segments and the report's figures, percentages in whole numbers as the report shows them. Every
 * matching row adds its advice ({@link #advise}); the report lists them in the order of {@link Advice}.
 */
public class UsageFacts {

    /** The share of a year's kWh three months must reach to be the peak season (a flat year gives 0.25). */
    public static final double PEAK_SHARE = 0.3;

    private ReportKind kind = ReportKind.MONTHLY;
    private CustomerClass customerClass;
    private Tier tier;
    private Set<String> segments = new LinkedHashSet<>();
    private int changeLastYearPercent;
    private int changeMedianPercent;
    private PeakSeason peakSeason = PeakSeason.NONE;
    private int lateBills12;
    private final Set<Advice> advice = EnumSet.noneOf(Advice.class);
    private final List<String> advisedBy = new ArrayList<>();

    public ReportKind getKind() { return kind; }
    public void setKind(ReportKind kind) { this.kind = kind; }
    public CustomerClass getCustomerClass() { return customerClass; }
    public void setCustomerClass(CustomerClass customerClass) { this.customerClass = customerClass; }
    public Tier getTier() { return tier; }
    public void setTier(Tier tier) { this.tier = tier; }
    public Set<String> getSegments() { return segments; }
    public void setSegments(Set<String> segments) { this.segments = new LinkedHashSet<>(segments); }
    /** Against the same period last year, in whole percent; 0 when last year is not known. */
    public int getChangeLastYearPercent() { return changeLastYearPercent; }
    public void setChangeLastYearPercent(int percent) { this.changeLastYearPercent = percent; }
    /** Against the median of the customer's class and area, in whole percent; 0 when there is no median. */
    public int getChangeMedianPercent() { return changeMedianPercent; }
    public void setChangeMedianPercent(int percent) { this.changeMedianPercent = percent; }
    public PeakSeason getPeakSeason() { return peakSeason; }
    public void setPeakSeason(PeakSeason peakSeason) { this.peakSeason = peakSeason; }
    public boolean isSeasonalPeak() { return peakSeason != PeakSeason.NONE; }
    /** Bills of the last twelve months not paid on time. */
    public int getLateBills12() { return lateBills12; }
    public void setLateBills12(int lateBills12) { this.lateBills12 = lateBills12; }

    // what the rules decide

    public void advise(Advice tip, String rule) {
        if (advice.add(tip)) advisedBy.add(rule);
    }

    @JsonIgnore
    public Set<Advice> getAdvice() { return advice; }
    @JsonIgnore
    public List<String> getAdvisedBy() { return advisedBy; }

    /** The inputs the rules read, as a key: equal keys get the same advice. */
    String key() {
        return kind + "|" + customerClass + "|" + tier + "|" + new java.util.TreeSet<>(segments) + "|"
                + changeLastYearPercent + "|" + changeMedianPercent + "|" + peakSeason + "|" + lateBills12;
    }
}
