package com.gridcare.security;

import java.util.List;

/** The Camunda identity groups GridCare works with (PRODUCT.md, "Groups"). */
public final class Groups {

    public static final String CUSTOMER_SERVICE = "customer-service";
    public static final String KEY_ACCOUNTS = "key-accounts";
    public static final String FIELD_SERVICE = "field-service";
    public static final String BILLING = "billing";
    public static final String METERING = "metering";
    public static final String SUPERVISORS = "supervisors";
    public static final String SERVICE_MANAGERS = "service-managers";
    public static final String SURVEY_TEAM = "survey-team";
    public static final String RULE_ANALYSTS = "rule-analysts";
    public static final String CHANNEL_SYSTEMS = "channel-systems";
    public static final String ADMINS = "gridcare-admins";

    /** Groups whose members work tasks in Tasklist. */
    public static final List<String> STAFF = List.of(CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING,
            METERING, SUPERVISORS, SERVICE_MANAGERS, SURVEY_TEAM);

    public static final List<String> ALL = List.of(CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING,
            METERING, SUPERVISORS, SERVICE_MANAGERS, SURVEY_TEAM, RULE_ANALYSTS, CHANNEL_SYSTEMS, ADMINS);

    private Groups() {
    }
}
