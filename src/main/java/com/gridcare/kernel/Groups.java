package com.gridcare.kernel;

import java.util.List;
import java.util.Map;

/** The Camunda identity groups GridCare works with (docs/product-guide.md, "Groups"). */
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
    /** Monitoring systems and the people running GridCare: the actuator's metrics and health details, nothing else. */
    public static final String OPERATORS = "operators";

    /** Groups whose members work tasks in Tasklist. */
    public static final List<String> STAFF = List.of(CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING,
            METERING, SUPERVISORS, SERVICE_MANAGERS, SURVEY_TEAM);

    public static final List<String> ALL = List.of(CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING,
            METERING, SUPERVISORS, SERVICE_MANAGERS, SURVEY_TEAM, RULE_ANALYSTS, CHANNEL_SYSTEMS, OPERATORS, ADMINS);

    /** Names staff read in Tasklist and Admin, bilingual like the forms. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(CUSTOMER_SERVICE, "Customer service / 客户服务"),
            Map.entry(KEY_ACCOUNTS, "Key accounts / 大客户经理"),
            Map.entry(FIELD_SERVICE, "Field service / 现场服务"),
            Map.entry(BILLING, "Billing / 电费核算"),
            Map.entry(METERING, "Metering / 计量"),
            Map.entry(SUPERVISORS, "Supervisors / 主管"),
            Map.entry(SERVICE_MANAGERS, "Service managers / 服务经理"),
            Map.entry(SURVEY_TEAM, "Survey team / 满意度回访"),
            Map.entry(RULE_ANALYSTS, "Rule analysts / 规则分析"),
            Map.entry(CHANNEL_SYSTEMS, "Channel systems / 渠道系统"),
            Map.entry(OPERATORS, "Operators / 运维"),
            Map.entry(ADMINS, "GridCare administrators / 系统管理员"));

    /** The group's name for people; its id where it has none. */
    public static String name(String id) {
        return NAMES.getOrDefault(id, id);
    }

    private Groups() {
    }
}
