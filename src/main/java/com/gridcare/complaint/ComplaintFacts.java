package com.gridcare.complaint;

import com.gridcare.cases.Channel;
import com.gridcare.customer.Tier;

/** What the complaint routing rules know about a complaint. Read by {@code rules/complaintrouting}. */
public class ComplaintFacts {

    private ComplaintCategory category;
    private Channel channel;
    private Tier tier;
    private boolean important;
    private boolean priorityCare;
    /** Earlier complaints of the same customer in the same category within 30 days. */
    private int earlierComplaintsSameCategory;

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
}
