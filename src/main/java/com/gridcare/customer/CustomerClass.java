package com.gridcare.customer;

/** The customer classes of the billing system. */
public enum CustomerClass {
    RESIDENTIAL, COMMERCIAL, INDUSTRIAL, AGRICULTURAL, PUBLIC
}
