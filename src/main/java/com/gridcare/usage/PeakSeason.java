package com.gridcare.usage;

/**
 * When a customer's consumption peaks over the last twelve months: {@code SUMMER} when June to August
 * bring at least {@link UsageFacts#PEAK_SHARE} of the year's kWh, {@code WINTER} likewise December to
 * February, else {@code NONE} (also with fewer than twelve months known). GridCare has monthly readings
 * only, so a peak is a season, not an hour of the day.
 */
public enum PeakSeason {
    SUMMER, WINTER, NONE
}
