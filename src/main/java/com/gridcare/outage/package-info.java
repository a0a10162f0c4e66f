/**
 * Outages: planned, temporary and unplanned interruptions of supply on feeders or transformer areas.
 * {@link com.gridcare.outage.Outages} registers them (with the notice-period rule and a supervisor's
 * override), keeps who they affect, takes new restoration estimates and restoration; the
 * {@code outage} process queues the notices to every affected customer (set-based, through the
 * notification outbox), gives flagged customers a phone call before the notice deadline and closes
 * the repair requests linked to the outage. {@link com.gridcare.outage.ReliabilityIndices} computes
 * customer interruptions, customer-minutes lost, SAIFI, SAIDI and the share of planned outages
 * notified on time.
 */
package com.gridcare.outage;
