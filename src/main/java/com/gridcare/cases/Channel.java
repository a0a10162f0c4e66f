package com.gridcare.cases;

/** The channel a case came in through. */
public enum Channel {
    HOTLINE, WEB, APP, EMAIL, WECHAT, COUNTER, SOCIAL,
    /** Opened by GridCare itself (a proactive case); never accepted from a channel system. */
    SYSTEM
}
