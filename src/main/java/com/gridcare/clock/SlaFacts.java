package com.gridcare.clock;

import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.Tier;
import java.time.LocalDate;

/** What the SLA catalogue ({@code rules/sla}) knows about a piece of work when it decides its clocks. */
public class SlaFacts {

    private SlaWork work;
    /** A complaint's category, for the rows that differ by it; the complaint says it. */
    private String category;
    private Tier tier;
    private boolean important;
    private boolean priorityCare;
    private CustomerClass customerClass;
    private double supplyVoltageKv;
    /** Single supply unless the request says dual. */
    private SupplyType supply = SupplyType.SINGLE;
    private Area area;
    /** The day the clocks start; catalogue rows apply from their effective-from date. */
    private LocalDate startDate;

    public SlaWork getWork() { return work; }
    public void setWork(SlaWork work) { this.work = work; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public Tier getTier() { return tier; }
    public void setTier(Tier tier) { this.tier = tier; }
    public boolean isImportant() { return important; }
    public void setImportant(boolean important) { this.important = important; }
    public boolean isPriorityCare() { return priorityCare; }
    public void setPriorityCare(boolean priorityCare) { this.priorityCare = priorityCare; }
    public CustomerClass getCustomerClass() { return customerClass; }
    public void setCustomerClass(CustomerClass customerClass) { this.customerClass = customerClass; }
    public boolean isResidential() { return customerClass == CustomerClass.RESIDENTIAL; }
    public double getSupplyVoltageKv() { return supplyVoltageKv; }
    public void setSupplyVoltageKv(double supplyVoltageKv) { this.supplyVoltageKv = supplyVoltageKv; }
    public SupplyType getSupply() { return supply; }
    public void setSupply(SupplyType supply) { this.supply = supply; }
    public Area getArea() { return area; }
    public void setArea(Area area) { this.area = area; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
}
