package org.openhqd.casemix.drg;

import java.util.List;

/**
 * An entry rule as the scheme defines it (one row of adrg.tsv with its lists), for browsing a
 * scheme, quality-control rules that ask "which ADRG would this procedure lead to", and the
 * synthetic case generator. Numeric clauses are null when absent.
 *
 * @param dx2Scope the second diagnosis clause ({@code dx2_scope}, {@code none} when absent), on {@code diagnosesB}
 * @param diagnosesB list {@code B} of adrg_dx.tsv
 * @param ageDaysMin {@code age_days_min}
 * @param qyRedirect {@code qy_redirect}: chosen with an effective principal procedure, the case is the MDC's QY
 */
public record RuleDefinition(String mdc, int step, String id, String adrg, boolean qy, boolean enabled,
                             String shape, String dxScope, String procScope, String validProc,
                             Integer ageDaysMax, Integer weightMin, Integer weightMaxExcl, String tagRule,
                             List<String> diagnoses, List<String> proceduresA, List<String> proceduresB,
                             String dx2Scope, List<String> diagnosesB, Integer ageDaysMin, boolean qyRedirect) {
}
