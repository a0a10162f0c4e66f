package com.gridcare.clock;

/** Single or dual (redundant) supply of a connection; decides high-voltage connection targets. */
public enum SupplyType {
    SINGLE, DUAL
}
