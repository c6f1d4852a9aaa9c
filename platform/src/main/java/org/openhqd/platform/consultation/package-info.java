/**
 * Remote consultation (远程会诊) and remote reading of ECGs and images (远程心电/影像诊断) between
 * the member institutions of a medical community: a township centre or village clinic asks another
 * member (usually the county hospital) to discuss a patient or to read a study; the consultant
 * accepts or declines, schedules a consultation, and writes the report, which then belongs to the
 * patient's records.
 *
 * <p>Visibility: a request is seen by staff whose data scope includes the requesting or the
 * consulting institution; acting on it needs the caller's own institution (or an ancestor) to be
 * the consultant (accept, decline, schedule, report) or the requester (cancel).
 */
package org.openhqd.platform.consultation;
