package com.gridcare.browser;

import java.util.List;

/** The shared Tasklist filters staff start with (com.gridcare.tasklist.TasklistFilters), by the English half of their names. */
final class FilterNames {

    static final String MY_TASKS = "My tasks";
    static final String MY_GROUPS_TASKS = "My groups' tasks";
    static final String DUE_TODAY = "Due today";
    static final String OVERDUE = "Overdue";
    static final String KEY_ACCOUNTS = "Key accounts";
    static final String ESCALATED = "Escalated";
    static final String REGULATORY_RISK = "Regulatory risk";
    static final String WAITING_FOR_CUSTOMER = "Waiting for customer";
    static final String TEAM_VIEW = "Team view";

    static final List<String> ALL = List.of(MY_TASKS, MY_GROUPS_TASKS, DUE_TODAY, OVERDUE, KEY_ACCOUNTS, ESCALATED,
            REGULATORY_RISK, WAITING_FOR_CUSTOMER);

    private FilterNames() {
    }
}
