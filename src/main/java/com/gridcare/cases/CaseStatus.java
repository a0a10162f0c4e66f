package com.gridcare.cases;

public enum CaseStatus {
    OPEN, CLOSED, WITHDRAWN
}
