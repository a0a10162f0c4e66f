package com.gridcare.customer;

/** How the customer wants to hear from us. */
public enum PreferredChannel {
    SMS, EMAIL, APP, WECHAT, PHONE
}
