package com.gridcare.usage;

/** A monthly report (customers who consent to advice) or a quarterly one (key accounts). */
public enum ReportKind {
    MONTHLY, QUARTERLY
}
