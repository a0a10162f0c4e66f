package com.gridcare.usage;

/**
 * The tips a usage report can give, chosen by {@code rules/advice}; each with its words in Chinese and
 * English. The rules decide who gets which; the words are here.
 */
public enum Advice {
    TIME_OF_USE("建议改用分时电价：把洗衣、充电等用电移到低谷时段，可降低电费。",
            "Switch to the time-of-use tariff: move washing and charging to off-peak hours to pay less."),
    GREEN_PLAN("您关注绿色用电：可办理绿色电力套餐，用电来自风电和光伏。",
            "You care about green power: our green plan supplies your electricity from wind and solar."),
    ENERGY_CHECK("您的用电明显高于同类用户，可预约免费的家庭能效检查。",
            "You use much more than similar households: book a free home energy check."),
    CONSUMPTION_RISING("您的用电比去年同期明显增加，请检查是否有设备长时间运行。",
            "Your consumption rose clearly against last year: check for appliances left running."),
    AUTOPAY("开通自动扣费，避免逾期缴费产生违约金。",
            "Set up automatic payment to avoid late-payment charges."),
    PAPERLESS("在手机应用中查看电子账单，随时掌握用电情况。",
            "Follow your bills and consumption in the app with paperless bills."),
    DEMAND_RESPONSE("夏季高峰用电集中：签订需求响应协议，高峰时段减少负荷可获得补偿。",
            "Your load peaks in summer: a demand-response agreement pays you for reducing load at peak times."),
    WELL_DONE("您的用电低于同类用户，请继续保持。",
            "You use less than similar customers: keep it up.");

    private final String zh;
    private final String en;

    Advice(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
