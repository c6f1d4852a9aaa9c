/**
 * The medical community as a whole (医共体): the insurer's bundled payment to the community
 * (医保打包付费, 结余留用, 合理超支分担) simulated from imported settlement data and yearly settings,
 * and the 2024 county medical-community monitoring indicators (紧密型县域医共体监测指标) computed from
 * the platform's data or imported.
 *
 * <p>A module of its own: its figures are community-level (they add the county hospital, the
 * township centres and care bought outside the county) and come from the insurer, not from one
 * institution's records. It reads visit totals through the outpatient module's public API and
 * leaves referral counts to whoever implements {@link org.openhqd.platform.community.ReferralCounts}.
 */
package org.openhqd.platform.community;
