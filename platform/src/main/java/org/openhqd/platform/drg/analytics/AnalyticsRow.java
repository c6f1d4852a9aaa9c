package org.openhqd.platform.drg.analytics;

/**
 * One row of a report: what it is (the key columns of its dimension; the others are null), its
 * sums, its figures, and where it leads: the next drill-down level and its cases.
 *
 * @param drg the DRG code, {@value AnalyticsQuery#UNGROUPED} for cases not grouped
 * @param status for a DRG row, the grouping status of its cases ({@code ok}, {@code ambiguous} for a QY group,
 *     {@code ungrouped}); null otherwise
 */
public record AnalyticsRow(Long institutionId, String institution, String department, String doctor, String drg,
                           String drgName, String status, String month, CubeSums sums, Indicators indicators,
                           RowLinks links) {

    /**
     * Where a row leads.
     *
     * @param next the next drill-down level, or null when the row's cases are the next step
     * @param page the console page of that level (null with {@code next})
     * @param api the same in the API
     * @param cases the case list of the row's cases
     */
    public record RowLinks(String next, String page, String api, String cases) {
    }
}
