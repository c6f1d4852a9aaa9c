package org.openhqd.casemix.drg;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DRG grouping scheme loaded from its data files (CHS-DRG 1.1, a city's refinement, CHS-DRG 2.0,
 * …): its case reading, MDC entry tests, ADRG entry rules, DRG splits, complication and exclusion
 * tables, valid (operating-room) procedures, code-check lists of the principal codes, dictionaries
 * and code maps. Every part is optional data except the rules. Immutable and safe to share between
 * threads; load it once with {@link SchemeLoader} or {@link SchemeCatalog} and build a
 * {@link DrgGrouper} on it.
 */
public final class Scheme {

    /** In {@link #mccTable}/{@link #ccTable}: the code is not on the list. */
    static final int NOT_LISTED = -1;
    /** Listed without an exclusion table: never cancelled by a principal diagnosis. */
    static final int NO_TABLE = -2;

    final SchemeInfo info;
    final CaseReading caseReading;
    final CodeChecks checks;
    final CodeTable dx;
    final CodeTable proc;
    final List<Mdc> mdcs;
    final CodeSet validProcs;
    /** Per diagnosis id: interned exclusion-table id of its MCC entry, or -1 when not an MCC. */
    final int[] mccTable;
    /** Per diagnosis id: interned exclusion-table id of its CC entry, or -1 when not a CC. */
    final int[] ccTable;
    /** Per diagnosis id: the exclusion table it excludes as principal; negative when none. */
    final int[] pdxExclusion;
    final String[] exclusionTableNames;
    final Map<String, String> dxMap;
    final Map<String, String> procMap;
    final List<DrgDefinition> drgDefinitions;
    final Membership membership;
    private final Map<String, DrgDefinition> drgByCode;

    Scheme(SchemeInfo info, CaseReading caseReading, CodeChecks checks, CodeTable dx, CodeTable proc, List<Mdc> mdcs, CodeSet validProcs,
           int[] mccTable, int[] ccTable, int[] pdxExclusion, String[] exclusionTableNames,
           Map<String, String> dxMap, Map<String, String> procMap, List<DrgDefinition> drgDefinitions) {
        this.info = info;
        this.caseReading = caseReading;
        this.checks = checks;
        this.dx = dx;
        this.proc = proc;
        this.mdcs = List.copyOf(mdcs);
        this.validProcs = validProcs;
        this.mccTable = mccTable;
        this.ccTable = ccTable;
        this.pdxExclusion = pdxExclusion;
        this.exclusionTableNames = exclusionTableNames;
        this.dxMap = dxMap;
        this.procMap = procMap;
        this.drgDefinitions = List.copyOf(drgDefinitions);
        this.membership = new Membership(this.mdcs, dx.size(), proc.size());
        this.drgByCode = new java.util.HashMap<>();
        for (DrgDefinition d : drgDefinitions) {
            drgByCode.putIfAbsent(d.drg(), d);
        }
    }

    public SchemeInfo info() {
        return info;
    }

    /** How the grouper reads a case's fields for this scheme ({@code options.tsv}, {@code case_reading}). */
    public CaseReading caseReading() {
        return caseReading;
    }

    /** Every DRG of the scheme in evaluation order. */
    public List<DrgDefinition> drgs() {
        return drgDefinitions;
    }

    public Optional<DrgDefinition> drg(String code) {
        return Optional.ofNullable(drgByCode.get(code));
    }

    /** Name in the scheme's diagnosis dictionary (ICD-10 医保版 as shipped with the scheme). */
    public Optional<String> diagnosisName(String code) {
        return Optional.ofNullable(dx.name(dx.id(code)));
    }

    /** Name in the scheme's procedure dictionary (ICD-9-CM-3 医保版 as shipped with the scheme). */
    public Optional<String> procedureName(String code) {
        return Optional.ofNullable(proc.name(proc.id(code)));
    }

    public boolean hasDiagnosisDictionary() {
        return dx.hasDictionary();
    }

    public boolean hasProcedureDictionary() {
        return proc.hasDictionary();
    }

    /** Codes of the diagnosis dictionary, in file order. */
    public List<String> diagnosisDictionary() {
        return dx.dictionaryCodes();
    }

    /** Codes of the procedure dictionary, in file order. */
    public List<String> procedureDictionary() {
        return proc.dictionaryCodes();
    }

    /** Whether the scheme ships a diagnosis code map (dx_map.tsv; CHS-DRG 2.0 ships none). */
    public boolean hasDiagnosisMap() {
        return !dxMap.isEmpty();
    }

    /** Whether the scheme ships a procedure code map (proc_map.tsv). */
    public boolean hasProcedureMap() {
        return !procMap.isEmpty();
    }

    /** The scheme's conversion of a diagnosis code of another code version (dx_map.tsv), if any. */
    public Optional<String> diagnosisMapping(String code) {
        return Optional.ofNullable(dxMap.get(code));
    }

    /** The scheme's conversion of a procedure code of another code version (proc_map.tsv), if any. */
    public Optional<String> procedureMapping(String code) {
        return Optional.ofNullable(procMap.get(code));
    }

    /** Whether the code is on the scheme's list of valid (operating-room) procedures. */
    public boolean isValidProcedure(String code) {
        return validProcs.contains(proc.id(code));
    }

    /** The MDCs in evaluation order. */
    public List<MdcDefinition> mdcs() {
        return mdcs.stream().map(m -> new MdcDefinition(m.order, m.letter, m.code, m.principalDxInList,
                m.principalProcValid, m.sex, nullable(m.ageYearsEq), m.minTraumaRegions,
                codes(dx, m.dxList), m.anyDxInList, m.sexNot, nullable(m.ageDaysMax), m.stopWhenNoAdrg)).toList();
    }

    /** The entry rules of every MDC, in evaluation order (MDC order, then step). */
    public List<RuleDefinition> rules() {
        return mdcs.stream().flatMap(m -> m.rules.stream()).map(r -> new RuleDefinition(r.mdc, r.step, r.id,
                r.qy ? "" : r.adrgCode, r.qy, r.enabled, r.shape, r.dxScope.name().toLowerCase(java.util.Locale.ROOT),
                r.procScope.name().toLowerCase(java.util.Locale.ROOT), r.validProc.name().toLowerCase(java.util.Locale.ROOT),
                nullable(r.ageDaysMax), nullable(r.weightMin), nullable(r.weightMaxExcl),
                r.tagRule == TagRule.NONE ? "" : r.tagRule.text,
                codes(dx, r.dxList), codes(proc, r.procListA), codes(proc, r.procListB),
                r.dx2Scope.name().toLowerCase(java.util.Locale.ROOT), codes(dx, r.dx2List), nullable(r.ageDaysMin),
                r.qyRedirect)).toList();
    }

    /** Codes of the MCC table (严重并发症或合并症). */
    public List<String> mccCodes() {
        return listed(mccTable);
    }

    /** Codes of the CC table (并发症或合并症). */
    public List<String> ccCodes() {
        return listed(ccTable);
    }

    /** Whether the diagnosis is on the MCC table (严重并发症或合并症), whatever the principal. */
    public boolean isMcc(String code) {
        int id = dx.id(code);
        return id >= 0 && id < mccTable.length && mccTable[id] != NOT_LISTED;
    }

    /** Whether the diagnosis is on the CC table (并发症或合并症), whatever the principal. */
    public boolean isCc(String code) {
        int id = dx.id(code);
        return id >= 0 && id < ccTable.length && ccTable[id] != NOT_LISTED;
    }

    /**
     * Whether the principal diagnosis' exclusion table cancels this secondary diagnosis as an MCC
     * or CC (README §4 step 3): false when the secondary is on neither table, when it has no
     * exclusion table, or when the principal excludes none.
     */
    public boolean complicationExcludedBy(String principal, String secondary) {
        int s = dx.id(secondary);
        int p = dx.id(principal);
        if (s < 0 || p < 0) {
            return false;
        }
        if (s >= mccTable.length) {
            return false;
        }
        int t = mccTable[s] != NOT_LISTED ? mccTable[s] : ccTable[s];
        int e = p < pdxExclusion.length ? pdxExclusion[p] : -1;
        return t >= 0 && e >= 0 && t == e;
    }

    /** Codes of the valid (operating-room) procedure list. */
    public List<String> validProcedures() {
        return codes(proc, validProcs);
    }

    /**
     * Codes of the procedures that do not count as principal procedure ({@code invalid_proc.tsv},
     * CHS-DRG 2.0's 手术无效 list); empty for a scheme without the file.
     */
    public List<String> nonSurgicalProcedures() {
        return codes(proc, checks.invalidProc());
    }

    private List<String> listed(int[] table) {
        List<String> out = new java.util.ArrayList<>();
        for (int id = 0; id < table.length; id++) {
            if (table[id] != NOT_LISTED) {
                out.add(dx.code(id));
            }
        }
        return out;
    }

    private static List<String> codes(CodeTable table, CodeSet set) {
        return java.util.Arrays.stream(set.ids()).mapToObj(table::code).toList();
    }

    private static Integer nullable(int v) {
        return v == Drg.ABSENT ? null : v;
    }

    @Override
    public String toString() {
        return "Scheme[" + info.id() + ", " + mdcs.size() + " MDCs, " + drgDefinitions.size() + " DRGs]";
    }
}
