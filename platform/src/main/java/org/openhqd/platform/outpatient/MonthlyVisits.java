package org.openhqd.platform.outpatient;

/**
 * Imported outpatient visits (门诊诊疗人次) of one institution's department in one month, for
 * indicators other modules compute (the county primary-care and TCM shares).
 *
 * @param departmentCode the standard department code (诊疗科目代码; 50 = 中医科)
 * @param month 1–12
 */
public record MonthlyVisits(long institutionId, String departmentCode, int month, long visits) {
}
