/**
 * Outpatient appointment indicators (门诊预约指标): OP01–OP03 of the national assessment and the
 * platform's operational no-show and pool-utilisation rates, per institution, department, doctor
 * and month, with their definitions as data and the imported HIS visit totals they need.
 *
 * <p>A module of its own rather than part of {@code appointments}: the indicators combine booking
 * data with a second source (visit totals imported from the HIS) and will grow with the other
 * outpatient indicators (T01, T18), while booking stays a transactional module. The SQL on the
 * appointment tables stays in {@code appointments}, behind {@code AppointmentStatistics}.
 */
package org.openhqd.platform.outpatient;
