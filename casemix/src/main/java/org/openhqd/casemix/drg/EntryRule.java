package org.openhqd.casemix.drg;

import java.util.List;

/**
 * One row of adrg.tsv: an entry rule that assigns an ADRG (or, for a QY checkpoint, the
 * ambiguous result) when all its present clauses hold. Several rules may assign the same ADRG
 * (Beijing's {@code AH1_1}, {@code AH1_2}, …).
 */
final class EntryRule {

    enum DxScope { NONE, PRINCIPAL, ANY, SECONDARY }

    enum ProcScope { NONE, PRINCIPAL, ANY, ANY_A_AND_B, TAGS }

    /**
     * {@code PRINCIPAL_PRESENT} (CHS-DRG 2.0): the case has an effective principal procedure — its
     * procedure list is not empty and the first slot was not emptied by {@code invalid_proc.tsv}.
     */
    enum ValidProc { NONE, PRINCIPAL_VALID, NONE_VALID, ANY_VALID, PRINCIPAL_PRESENT }

    final String mdc;
    /** Unique among the scheme's rules (its row in adrg.tsv); keys {@link Membership}. */
    final int index;
    final int step;
    /** The row id (keys its own lists). */
    final String id;
    /** The ADRG reported: {@code adrg_code}, or the row id when that is empty. */
    final String adrgCode;
    /** A QY checkpoint (歧义病案 check) rather than an ADRG. */
    final boolean qy;
    final boolean enabled;
    final String shape;
    final DxScope dxScope;
    /** Second diagnosis clause ({@code dx2_scope}), tested against {@link #dx2List}. */
    final DxScope dx2Scope;
    final ProcScope procScope;
    final ValidProc validProc;
    final int ageDaysMax;
    final int ageDaysMin;
    final int weightMin;
    final int weightMaxExcl;
    final CodeSet dxList;
    /** List {@code B} of adrg_dx.tsv, for {@link #dx2Scope}. */
    final CodeSet dx2List;
    final CodeSet procListA;
    final CodeSet procListB;
    final TagRule tagRule;
    /**
     * {@code qy_redirect = 1} (CHS-DRG 2.0): when this rule is chosen and the case has an effective
     * principal procedure, the result is the MDC's {@code QY} instead of a DRG of this ADRG.
     */
    final boolean qyRedirect;
    /** The DRGs of {@link #adrgCode}, in evaluation order; shared by all rules of one ADRG. */
    final List<Drg> drgs;

    EntryRule(String mdc, int index, int step, String id, String adrgCode, boolean qy, boolean enabled, String shape,
              DxScope dxScope, DxScope dx2Scope, ProcScope procScope, ValidProc validProc,
              int ageDaysMax, int ageDaysMin, int weightMin, int weightMaxExcl,
              CodeSet dxList, CodeSet dx2List, CodeSet procListA, CodeSet procListB, TagRule tagRule,
              boolean qyRedirect, List<Drg> drgs) {
        this.mdc = mdc;
        this.index = index;
        this.step = step;
        this.id = id;
        this.adrgCode = adrgCode;
        this.qy = qy;
        this.enabled = enabled;
        this.shape = shape;
        this.dxScope = dxScope;
        this.dx2Scope = dx2Scope;
        this.procScope = procScope;
        this.validProc = validProc;
        this.ageDaysMax = ageDaysMax;
        this.ageDaysMin = ageDaysMin;
        this.weightMin = weightMin;
        this.weightMaxExcl = weightMaxExcl;
        this.dxList = dxList;
        this.dx2List = dx2List;
        this.procListA = procListA;
        this.procListB = procListB;
        this.tagRule = tagRule;
        this.qyRedirect = qyRedirect;
        this.drgs = List.copyOf(drgs);
    }
}
