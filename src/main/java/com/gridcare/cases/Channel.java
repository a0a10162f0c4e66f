package com.gridcare.cases;

/** The channel a case came in through. */
public enum Channel {
    HOTLINE, WEB, APP, EMAIL, WECHAT, COUNTER, SOCIAL
}
