/**
 * Two-way referral (双向转诊) between the member institutions of a medical community: upward from
 * village clinics and township centres to the county hospital, downward for rehabilitation and
 * chronic care; its states, timing rules (escalation, expiry), the REFERRAL-pool booking through
 * the appointments module, the events a HIS can subscribe to, and the sharing of test results so
 * the receiver does not repeat them (检验检查结果互认).
 *
 * <p>Visibility: a referral is seen by staff whose data scope includes the sending or the receiving
 * institution (a township centre's staff see its village clinics' referrals; a village clinic's staff
 * only their own). Acting on it needs the caller's own institution to be the receiver (accept,
 * reject, schedule, arrive, complete) or the sender (submit, cancel), or an ancestor of it.
 */
package org.openhqd.platform.referral;
