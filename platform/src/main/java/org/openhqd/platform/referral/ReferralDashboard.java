package org.openhqd.platform.referral;

import java.util.List;

/**
 * The medical-community referral dashboard of a month range for the caller's scope.
 *
 * @param rows per month and over the range: the scope as a whole (view {@code COMMUNITY}) and, at
 *     institution level, each institution as sender ({@code SENDING}) and as receiver ({@code RECEIVING})
 * @param trend the scope as a whole per month, for the chart
 * @param total the scope as a whole over the range
 * @param topDiseases the principal diagnoses of upward referrals, ranked: for the scope as a whole
 *     ({@code sendingInstitutionId} null) and, at institution level, per sending institution
 * @param downReferralRates completed downward referrals sent ÷ completed upward referrals received:
 *     for the scope as a whole (institution null) and, at institution level, per receiving institution
 */
public record ReferralDashboard(String from, String to, String level, String definitionsVersion, List<Row> rows, List<Row> trend,
                                Row total, List<DiseaseRank> topDiseases, List<DownReferralRate> downReferralRates) {

    /** Whose figures a row holds. */
    public enum View { COMMUNITY, SENDING, RECEIVING }

    /** @param month {@code YYYY-MM}, or null for the whole range */
    public record Row(View view, String month, Long institutionId, String institutionName, ReferralFigures figures) {
    }

    /**
     * An ICD-10 category (the code's first three characters) among the upward referrals sent, with
     * the full codes behind it.
     *
     * @param sharePercent count ÷ all upward referrals sent by the same sender (or the scope) with a diagnosis
     */
    public record DiseaseRank(Long sendingInstitutionId, String sendingInstitutionName, int rank, String category, long count,
                              long outOf, double sharePercent, List<CodeCount> codes) {
    }

    public record CodeCount(String code, long count) {
    }

    /** @param month {@code YYYY-MM}, or null for the whole range */
    public record DownReferralRate(Long institutionId, String institutionName, String month, long downSent, long upReceived,
                                   Double ratePercent) {
    }
}
