package com.gridcare.cases;

/**
 * Where a case stands, in the customer's words (English and Chinese). Processes name the stage of
 * a step with the extension property {@value #PROPERTY} on the user task or event.
 */
public enum CaseStage {
    RECEIVED("Received", "已受理"),
    FIRST_CONTACT("We will contact you shortly", "我们将尽快与您联系"),
    INVESTIGATION("Being investigated", "调查处理中"),
    APPROVAL("Awaiting internal approval", "内部审批中"),
    CONFIRMATION("Waiting for your confirmation of the result", "待您确认处理结果"),
    WAITING_FOR_CUSTOMER("Waiting for documents or an answer from you", "等待您补充资料或答复"),
    SITE_SURVEY("Site survey", "现场勘查中"),
    SUPPLY_PLAN("Supply plan being prepared", "供电方案制定中"),
    SITE_WORK("Work on site", "现场施工中"),
    METER_TEST("Meter being tested", "电能表检验中"),
    BILLING_CORRECTION("Bill being corrected", "电费退补处理中"),
    ACCOUNT_CHANGE("Account change being made", "业务变更办理中"),
    CREW_DISPATCHED("Repair crew on the way", "抢修人员已出发"),
    REPAIR("Repair in progress", "抢修中"),
    RESTORED("Supply restored", "已恢复供电"),
    IN_PROGRESS("Being handled", "处理中"),
    CLOSED("Closed", "已办结"),
    WITHDRAWN("Withdrawn at your request", "已按您的要求撤销");

    /** The BPMN extension property ({@code camunda:property}) that names a step's stage. */
    public static final String PROPERTY = "caseStage";

    private final String en;
    private final String zh;

    CaseStage(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    public String en() {
        return en;
    }

    public String zh() {
        return zh;
    }

    /** The stage stored on a case; a stage name this version does not know reads as {@link #IN_PROGRESS}. */
    public static CaseStage of(String stored) {
        for (var stage : values()) {
            if (stage.name().equals(stored)) return stage;
        }
        return IN_PROGRESS;
    }
}
