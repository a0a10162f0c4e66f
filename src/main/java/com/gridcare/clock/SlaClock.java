package com.gridcare.clock;

/** The service-level clocks of the SLA catalogue (docs/product-guide.md, "Service levels"). */
public enum SlaClock {
    COMPLAINT_FIRST_CONTACT("Complaint first contact / 首次联系客户"),
    COMPLAINT_RESOLUTION("Reply with handling result / 答复处理结果"),
    COMPLAINT_STATUTORY("Statutory reply limit / 法定答复时限"),
    METER_TEST_RESULT("Meter test result / 校验结果"),
    CONNECTION_UTILITY_SIDE("New connection, utility side / 装表接电（供电企业环节）"),
    OUTAGE_ARRIVAL("Outage repair arrival / 抢修到达现场"),
    OUTAGE_RESTORATION("Power restored after arrival / 到达后恢复供电"),
    RECONNECTION("Reconnection after arrears paid / 缴清欠费后复电"),
    REQUEST_COMPLETION("Request completed / 业务办结"),
    SURVEY_RECOVERY_CALL("Call after a low survey score / 低分回访"),
    SURVEY_IMPROVEMENT_PLAN("Improvement plan / 改进计划");

    private final String label;

    SlaClock(String label) {
        this.label = label;
    }

    /** Bilingual name for staff and customers. */
    public String label() {
        return label;
    }
}
