package com.gridcare.cases;

/** How a case ended, in the customer's words. */
public enum CaseOutcome {
    RESOLVED("resolved", "已解决"),
    NOT_RESOLVED("closed without a resolution you accepted", "已办结（未能达成您认可的处理结果）"),
    COMPLETED("completed", "已办结"),
    REJECTED("declined", "未予受理"),
    EXPIRED("closed because the documents or answer we asked for did not arrive in time", "因未在期限内收到所需资料或答复而关闭"),
    WITHDRAWN("withdrawn at your request", "已按您的要求撤销");

    private final String en;
    private final String zh;

    CaseOutcome(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    public String en() {
        return en;
    }

    public String zh() {
        return zh;
    }
}
