package com.gridcare.kernel.process;

/** What {@code service-request} keeps besides {@link CaseVariables}. */
public final class ServiceRequestVariables {

    /** The group doing site work on a connection (routing rules). */
    public static final String SITE_WORK_GROUP = "siteWorkGroup";
    /** Voltage of a connection requested (kV): a gateway sends 10 kV and more to the supply plan. */
    public static final String VOLTAGE_KV = "voltageKv";
    /** Outage repair: whether the SLA catalogue gives a restoration target for the area (a gateway reads it). */
    public static final String RESTORATION_TARGET = "restorationTarget";
    /** Transient: true when no document is missing (read by the gateway after "Check documents"). */
    public static final String REQUEST_COMPLETE = "requestComplete";

    private ServiceRequestVariables() {
    }
}
