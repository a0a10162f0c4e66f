package com.gridcare.kernel.process;

/** What {@code key-account-review} keeps. */
public final class KeyAccountReviewVariables {

    /** The STRATEGIC and KEY customers to review this quarter. */
    public static final String KEY_ACCOUNTS = "keyAccounts";
    /** The quarter under review ("2026-Q4"). */
    public static final String REVIEW_QUARTER = "reviewQuarter";

    private KeyAccountReviewVariables() {
    }
}
