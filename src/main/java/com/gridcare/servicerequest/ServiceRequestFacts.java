package com.gridcare.servicerequest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.gridcare.cases.Routing;
import com.gridcare.customer.Tier;

/**
 * What the service-request routing rules know about a request, read by {@code rules/requestrouting}.
 * The rules' answer is kept on the fact ({@link #getRouting()}).
 */
public class ServiceRequestFacts {

    private String caseId;
    private ServiceRequestType type;
    private Tier tier;
    /** Supply voltage of the connection concerned: the requested one for a new connection or capacity change. */
    private double supplyVoltageKv;
    private boolean important;
    private boolean priorityCare;
    private final Routing routing = new Routing();

    public String getCaseId() { return caseId; }
    public void setCaseId(String caseId) { this.caseId = caseId; }
    public ServiceRequestType getType() { return type; }
    public void setType(ServiceRequestType type) { this.type = type; }
    public Tier getTier() { return tier; }
    public void setTier(Tier tier) { this.tier = tier; }
    public boolean isKeyAccount() { return tier == Tier.KEY || tier == Tier.STRATEGIC; }
    public double getSupplyVoltageKv() { return supplyVoltageKv; }
    public void setSupplyVoltageKv(double supplyVoltageKv) { this.supplyVoltageKv = supplyVoltageKv; }
    public boolean isImportant() { return important; }
    public void setImportant(boolean important) { this.important = important; }
    public boolean isPriorityCare() { return priorityCare; }
    public void setPriorityCare(boolean priorityCare) { this.priorityCare = priorityCare; }

    // what the rules decide

    @JsonIgnore
    public Routing getRouting() { return routing; }

    public void route(String group, String rule) { routing.route(group, rule); }
    public void basePriority(int priority) { routing.basePriority(priority); }
    public void siteWork(String group) { routing.siteWork(group); }
    public void raisePriority(int points, String rule) { routing.raise(points, rule); }
    public void capPriority(int max, String rule) { routing.capPriority(max, rule); }

    @JsonIgnore
    public String getGroup() { return routing.getGroup(); }
    @JsonIgnore
    public String getSiteWorkGroup() { return routing.getSiteWorkGroup(); }
    @JsonIgnore
    public int getPriority() { return routing.getPriority(); }
}
