package com.gridcare.complaint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.gridcare.cases.Channel;
import com.gridcare.cases.Routing;
import com.gridcare.customer.Tier;

/**
 * What the complaint routing rules know about a complaint, read by {@code rules/complaintrouting}.
 * The rules' answer is kept on the fact ({@link #getRouting()}).
 */
public class ComplaintFacts {

    private String caseId;
    private ComplaintCategory category;
    private Channel channel;
    private Tier tier;
    private boolean important;
    private boolean priorityCare;
    /** Earlier complaints of the same customer in the same category within 30 days. */
    private int earlierComplaintsSameCategory;
    private final Routing routing = new Routing();

    public String getCaseId() { return caseId; }
    public void setCaseId(String caseId) { this.caseId = caseId; }
    public ComplaintCategory getCategory() { return category; }
    public void setCategory(ComplaintCategory category) { this.category = category; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public Tier getTier() { return tier; }
    public void setTier(Tier tier) { this.tier = tier; }
    public boolean isKeyAccount() { return tier == Tier.KEY || tier == Tier.STRATEGIC; }
    public boolean isImportant() { return important; }
    public void setImportant(boolean important) { this.important = important; }
    public boolean isPriorityCare() { return priorityCare; }
    public void setPriorityCare(boolean priorityCare) { this.priorityCare = priorityCare; }
    public int getEarlierComplaintsSameCategory() { return earlierComplaintsSameCategory; }
    public void setEarlierComplaintsSameCategory(int n) { this.earlierComplaintsSameCategory = n; }
    public boolean isRepeat() { return earlierComplaintsSameCategory > 0; }

    /** The same complaint without an answer: to decide it again with other rules. */
    public ComplaintFacts copyInputs() {
        var copy = new ComplaintFacts();
        copy.caseId = caseId;
        copy.category = category;
        copy.channel = channel;
        copy.tier = tier;
        copy.important = important;
        copy.priorityCare = priorityCare;
        copy.earlierComplaintsSameCategory = earlierComplaintsSameCategory;
        return copy;
    }

    // what the rules decide

    @JsonIgnore
    public Routing getRouting() { return routing; }

    public void route(String group, String rule) { routing.route(group, rule); }
    public void basePriority(int priority) { routing.basePriority(priority); }
    public void raisePriority(int points, String rule) { routing.raise(points, rule); }
    public void override(String group, String rule) { routing.override(group, rule); }
    public void capPriority(int max, String rule) { routing.capPriority(max, rule); }

    @JsonIgnore
    public String getGroup() { return routing.getGroup(); }
    @JsonIgnore
    public int getPriority() { return routing.getPriority(); }
}
