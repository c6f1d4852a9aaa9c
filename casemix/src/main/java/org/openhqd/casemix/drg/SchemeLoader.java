package org.openhqd.casemix.drg;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scheme folder in the CHS-DRG table format (see the scheme README shipped beside the
 * tables: CHS-DRG 1.1 §1–§4, the Beijing extensions §2, the CHS-DRG 2.0 extensions §2) into an
 * immutable {@link Scheme}. Every construct the engine does not evaluate — an unknown clause value,
 * a filled unknown column, an unknown option or option value — is refused with the file and line,
 * so a new scheme either groups exactly as written or does not load.
 */
public final class SchemeLoader {

    private static final Set<String> MDC_COLUMNS = Set.of(
            "order", "mdc", "dx_scope", "valid_proc", "sex", "age_years_eq", "min_trauma_regions",
            "age_days_max", "sex_not", "on_no_adrg");
    private static final Set<String> ADRG_COLUMNS = Set.of(
            "mdc", "step", "adrg", "kind", "enabled", "shape", "dx_scope", "proc_scope", "valid_proc",
            "age_days_max", "weight_min", "weight_max_excl", "tag_rule", "adrg_code",
            "dx2_scope", "age_days_min", "qy_redirect");
    private static final Set<String> DRG_COLUMNS = Set.of(
            "mdc", "adrg", "step", "drg", "condition", "name", "age_years_max", "los_min", "los_max_excl");
    /** The options of options.tsv this engine knows; any other option with a value is refused. */
    private static final Set<String> OPTIONS = Set.of("case_reading");

    private SchemeLoader() {
    }

    /**
     * Loads the scheme in {@code source}.
     *
     * @param fallbackId the id to use when the folder has no {@code scheme.tsv}
     * @throws SchemeFormatException when a file is missing or malformed
     */
    public static Scheme load(SchemeSource source, String fallbackId) {
        return new Reading(source, fallbackId).read();
    }

    /** State of one load; discarded afterwards. */
    private static final class Reading {
        private final SchemeSource source;
        private String id;
        private final CodeTable.Builder dx = new CodeTable.Builder();
        private final CodeTable.Builder proc = new CodeTable.Builder();
        private final Map<String, Integer> exclusionIds = new HashMap<>();
        private final List<String> exclusionNames = new ArrayList<>();

        Reading(SchemeSource source, String fallbackId) {
            this.source = source;
            this.id = fallbackId;
        }

        /** Files parsed ahead on other threads; byte parsing is most of the load time. */
        private final Map<String, java.util.concurrent.CompletableFuture<Tsv>> ahead = new HashMap<>();

        Tsv tsv(String file, boolean required) {
            java.util.concurrent.CompletableFuture<Tsv> f = ahead.remove(file);
            if (f != null) {
                try {
                    return f.join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw e;
                }
            }
            return Tsv.read(source, id, file, required);
        }

        /** Starts parsing the big optional tables in the background while the rules are read. */
        private void parseAhead() {
            for (String file : List.of("dx_map.tsv", "proc_map.tsv", "cc.tsv", "pdx_exclusion.tsv", "proc_dict.tsv",
                    "valid_proc.tsv", "mcc.tsv", "invalid_dx.tsv", "gray_dx.tsv", "gray_proc.tsv", "invalid_proc.tsv")) {
                String schemeId = id;
                ahead.put(file, java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> Tsv.read(source, schemeId, file, false)));
            }
        }

        Scheme read() {
            SchemeInfo info = readInfo();
            parseAhead();
            CaseReading caseReading = readOptions();
            readDictionary(tsv("dx_dict.tsv", false), dx);
            readDictionary(tsv("proc_dict.tsv", false), proc);

            // MDCs and their principal-diagnosis lists
            Tsv mdcTsv = tsv("mdc.tsv", true);
            mdcTsv.rejectUnknownColumns(MDC_COLUMNS);
            Map<String, MdcRow> mdcRows = readMdcRows(mdcTsv);
            readMdcLists(tsv("mdc_dx.tsv", true), mdcRows);

            // entry rules and their lists
            Tsv adrgTsv = tsv("adrg.tsv", true);
            adrgTsv.rejectUnknownColumns(ADRG_COLUMNS);
            Map<String, RuleLists> lists = new HashMap<>();
            List<String[]> ruleRows = adrgTsv.rows;
            int cId = adrgTsv.requiredColumn("adrg");
            for (int r = 0; r < ruleRows.size(); r++) {
                String ruleId = ruleRows.get(r)[cId];
                if (lists.put(ruleId, new RuleLists()) != null) {
                    throw adrgTsv.error(r, "规则编号重复：" + ruleId, "duplicate rule id " + ruleId);
                }
            }
            readRuleDx(tsv("adrg_dx.tsv", false), lists);
            readRuleProcs(tsv("adrg_proc.tsv", false), lists);

            BitSet valid = new BitSet();
            readCodes(tsv("valid_proc.tsv", false), proc, valid);
            CodeChecks checks = new CodeChecks(codeSet(tsv("invalid_dx.tsv", false), dx),
                    codeSet(tsv("gray_dx.tsv", false), dx),
                    codeSet(tsv("gray_proc.tsv", false), proc),
                    codeSet(tsv("invalid_proc.tsv", false), proc));

            Map<String, Integer> mcc = readComplications(tsv("mcc.tsv", false));
            Map<String, Integer> cc = readComplications(tsv("cc.tsv", false));
            Map<String, Integer> exclusion = readComplications(tsv("pdx_exclusion.tsv", false));

            Tsv drgTsv = tsv("drg.tsv", true);
            drgTsv.rejectUnknownColumns(DRG_COLUMNS);
            Map<String, List<Drg>> drgsByAdrg = new LinkedHashMap<>();
            List<DrgDefinition> definitions = new ArrayList<>();
            readDrgs(drgTsv, drgsByAdrg, definitions);

            List<Mdc> mdcs = buildMdcs(mdcRows, adrgTsv, lists, drgsByAdrg);

            CodeTable dxTable = dx.build();
            CodeTable procTable = proc.build();
            return new Scheme(info, caseReading, checks.any() ? checks : CodeChecks.NONE, dxTable, procTable, mdcs, CodeSet.of(valid),
                    byId(mcc, dxTable), byId(cc, dxTable), byId(exclusion, dxTable),
                    exclusionNames.toArray(String[]::new),
                    readMap(tsv("dx_map.tsv", false)), readMap(tsv("proc_map.tsv", false)), definitions);
        }

        private SchemeInfo readInfo() {
            Tsv t = tsv("scheme.tsv", false);
            Map<String, String> kv = new HashMap<>();
            if (!t.rows.isEmpty()) {
                int k = t.requiredColumn("key");
                int v = t.requiredColumn("value");
                for (String[] row : t.rows) {
                    kv.put(row[k], row[v]);
                }
            }
            id = kv.getOrDefault("id", id);
            if (id == null || id.isBlank()) {
                throw new SchemeFormatException("?", "scheme.tsv", 0, "方案缺少编号 id", "scheme has no id");
            }
            return new SchemeInfo(id, kv.getOrDefault("name", id), kv.getOrDefault("name_en", id),
                    kv.getOrDefault("version", ""), kv.getOrDefault("region", ""),
                    kv.getOrDefault("based_on", ""), kv.getOrDefault("source", ""));
        }

        /**
         * options.tsv (CHS-DRG 2.0 README §2.1): an absent file or an empty value keeps the 1.1
         * meaning; an option or value this engine does not know is refused.
         */
        private CaseReading readOptions() {
            Tsv t = tsv("options.tsv", false);
            CaseReading reading = CaseReading.CHS_DRG_11;
            if (t.rows.isEmpty()) {
                return reading;
            }
            int o = t.requiredColumn("option");
            int v = t.requiredColumn("value");
            for (int r = 0; r < t.rows.size(); r++) {
                String[] row = t.rows.get(r);
                if (row[v].isEmpty()) {
                    continue;
                }
                CaseReading named = "case_reading".equals(row[o]) ? CaseReading.ofOption(row[v]) : null;
                if (!OPTIONS.contains(row[o]) || named == null) {
                    throw t.error(r, "本引擎版本不支持方案选项 " + row[o] + " = " + row[v],
                            "scheme option " + row[o] + " = " + row[v] + " is not supported by this engine version");
                }
                reading = named;
            }
            return reading;
        }

        /** A list of codes (column {@code code}) into {@code set}; an absent file adds nothing. */
        private void readCodes(Tsv t, CodeTable.Builder table, BitSet set) {
            int c = t.requiredColumn("code");
            for (String[] row : t.rows) {
                set.set(table.intern(row[c]));
            }
        }

        /** A code-check list (CHS-DRG 2.0 README §2.4); empty when the file is absent. */
        private CodeSet codeSet(Tsv t, CodeTable.Builder table) {
            BitSet set = new BitSet();
            readCodes(t, table, set);
            return CodeSet.of(set);
        }

        private void readDictionary(Tsv t, CodeTable.Builder table) {
            int c = t.requiredColumn("code");
            int n = t.requiredColumn("name");
            for (int r = 0; r < t.rows.size(); r++) {
                String[] row = t.rows.get(r);
                if (table.hasName(row[c])) {
                    throw t.error(r, "字典编码重复：" + row[c], "duplicate dictionary code " + row[c]);
                }
                table.name(row[c], row[n]);
            }
        }

        private Map<String, MdcRow> readMdcRows(Tsv t) {
            int cOrder = t.requiredColumn("order");
            int cMdc = t.requiredColumn("mdc");
            int cDx = t.column("dx_scope");
            int cValid = t.column("valid_proc");
            int cSex = t.column("sex");
            int cAge = t.column("age_years_eq");
            int cTrauma = t.column("min_trauma_regions");
            int cAgeDays = t.column("age_days_max");
            int cSexNot = t.column("sex_not");
            int cStop = t.column("on_no_adrg");
            Map<String, MdcRow> rows = new LinkedHashMap<>();
            for (int r = 0; r < t.rows.size(); r++) {
                String[] row = t.rows.get(r);
                MdcRow m = new MdcRow();
                m.order = integer(t, r, "order", row[cOrder]);
                m.letter = row[cMdc];
                String dxScope = Tsv.cell(row, cDx);
                switch (dxScope) {
                    case "" -> { }
                    case "principal" -> m.principalDx = true;
                    case "any" -> m.anyDx = true;
                    default -> throw unsupported(t, r, "dx_scope", dxScope);
                }
                String validProc = Tsv.cell(row, cValid);
                m.principalValid = switch (validProc) {
                    case "" -> false;
                    case "principal_valid" -> true;
                    default -> throw unsupported(t, r, "valid_proc", validProc);
                };
                String sex = Tsv.cell(row, cSex);
                m.sex = sex.isEmpty() ? null : sex;
                String sexNot = Tsv.cell(row, cSexNot);
                m.sexNot = sexNot.isEmpty() ? null : sexNot;
                m.ageYearsEq = optionalInt(t, r, "age_years_eq", Tsv.cell(row, cAge));
                m.ageDaysMax = optionalInt(t, r, "age_days_max", Tsv.cell(row, cAgeDays));
                String stop = Tsv.cell(row, cStop);
                m.stop = switch (stop) {
                    case "" -> false;
                    case "stop" -> true;
                    default -> throw unsupported(t, r, "on_no_adrg", stop);
                };
                String trauma = Tsv.cell(row, cTrauma);
                m.minTrauma = trauma.isEmpty() ? 0 : integer(t, r, "min_trauma_regions", trauma);
                if (m.letter.isEmpty() || rows.put(m.letter, m) != null) {
                    throw t.error(r, "MDC 为空或重复：" + m.letter, "empty or duplicate MDC " + m.letter);
                }
            }
            return rows;
        }

        private void readMdcLists(Tsv t, Map<String, MdcRow> mdcs) {
            int cMdc = t.requiredColumn("mdc");
            int cCode = t.requiredColumn("code");
            int cRegion = t.column("trauma_region");
            for (int r = 0; r < t.rows.size(); r++) {
                String[] row = t.rows.get(r);
                MdcRow m = mdcs.get(row[cMdc]);
                if (m == null) {
                    throw t.error(r, "未在 mdc.tsv 中定义的 MDC：" + row[cMdc], "MDC " + row[cMdc] + " is not in mdc.tsv");
                }
                int code = dx.intern(row[cCode]);
                m.dx.set(code);
                String region = Tsv.cell(row, cRegion);
                if (!region.isEmpty()) {
                    Integer bit = m.regionBits.get(region);
                    if (bit == null) {
                        if (m.regionBits.size() == 64) {
                            throw t.error(r, "创伤部位超过 64 个", "more than 64 trauma regions");
                        }
                        bit = m.regionBits.size();
                        m.regionBits.put(region, bit);
                    }
                    Integer previous = m.regionOf.put(code, bit);
                    if (previous != null && !previous.equals(bit)) {
                        throw t.error(r, "编码 " + row[cCode] + " 属于两个创伤部位",
                                "code " + row[cCode] + " has two trauma regions");
                    }
                }
            }
        }

        private void readRuleDx(Tsv t, Map<String, RuleLists> lists) {
            int cRule = t.requiredColumn("adrg");
            int cCode = t.requiredColumn("code");
            int cList = t.column("list");
            for (int r = 0; r < t.rows.size(); r++) {
                String[] row = t.rows.get(r);
                RuleLists l = rule(t, r, lists, row[cRule]);
                String list = Tsv.cell(row, cList);
                BitSet target = switch (list) {
                    case "", "A" -> l.dx;
                    case "B" -> l.dx2;
                    default -> throw unsupported(t, r, "list", list);
                };
                target.set(dx.intern(row[cCode]));
            }
        }

        private void readRuleProcs(Tsv t, Map<String, RuleLists> lists) {
            int cRule = t.requiredColumn("adrg");
            int cList = t.requiredColumn("list");
            int cCode = t.requiredColumn("code");
            int cTag = t.column("tag");
            for (int r = 0; r < t.rows.size(); r++) {
                String[] row = t.rows.get(r);
                RuleLists l = rule(t, r, lists, row[cRule]);
                int code = proc.intern(row[cCode]);
                switch (row[cList]) {
                    case "A" -> l.a.set(code);
                    case "B" -> l.b.set(code);
                    case "T" -> {
                        String tag = Tsv.cell(row, cTag);
                        if (tag.isEmpty()) {
                            throw t.error(r, "T 表的手术缺少标签", "procedure of list T has no tag");
                        }
                        l.tags.computeIfAbsent(code, k -> new ArrayList<>()).add(tag);
                    }
                    default -> throw unsupported(t, r, "list", row[cList]);
                }
            }
        }

        private RuleLists rule(Tsv t, int r, Map<String, RuleLists> lists, String ruleId) {
            RuleLists l = lists.get(ruleId);
            if (l == null) {
                throw t.error(r, "规则 " + ruleId + " 不在 adrg.tsv 中", "rule " + ruleId + " is not in adrg.tsv");
            }
            return l;
        }

        private Map<String, Integer> readComplications(Tsv t) {
            int cCode = t.requiredColumn("code");
            int cTable = t.requiredColumn("exclusion_table");
            Map<String, Integer> out = new HashMap<>(t.rows.size() * 2);
            for (int r = 0; r < t.rows.size(); r++) {
                String[] row = t.rows.get(r);
                dx.intern(row[cCode]);
                String table = row[cTable];
                int tableId = table.isEmpty() ? Scheme.NO_TABLE : exclusionIds.computeIfAbsent(table, k -> {
                    exclusionNames.add(k);
                    return exclusionNames.size() - 1;
                });
                if (out.put(row[cCode], tableId) != null) {
                    throw t.error(r, "编码重复：" + row[cCode], "duplicate code " + row[cCode]);
                }
            }
            return out;
        }

        private void readDrgs(Tsv t, Map<String, List<Drg>> byAdrg, List<DrgDefinition> definitions) {
            int cMdc = t.requiredColumn("mdc");
            int cAdrg = t.requiredColumn("adrg");
            int cStep = t.requiredColumn("step");
            int cDrg = t.requiredColumn("drg");
            int cCond = t.requiredColumn("condition");
            int cName = t.requiredColumn("name");
            int cAge = t.column("age_years_max");
            int cLosMin = t.column("los_min");
            int cLosMax = t.column("los_max_excl");
            record Row(int step, Drg drg, DrgDefinition def) {
            }
            Map<String, List<Row>> rows = new LinkedHashMap<>();
            for (int r = 0; r < t.rows.size(); r++) {
                String[] row = t.rows.get(r);
                Complication c;
                try {
                    c = Complication.valueOf(row[cCond]);
                } catch (IllegalArgumentException e) {
                    throw unsupported(t, r, "condition", row[cCond]);
                }
                Drg drg = new Drg(row[cDrg], row[cName], row[cAdrg], c,
                        optionalInt(t, r, "age_years_max", Tsv.cell(row, cAge)),
                        optionalInt(t, r, "los_min", Tsv.cell(row, cLosMin)),
                        optionalInt(t, r, "los_max_excl", Tsv.cell(row, cLosMax)));
                rows.computeIfAbsent(row[cAdrg], k -> new ArrayList<>())
                        .add(new Row(integer(t, r, "step", row[cStep]), drg,
                                new DrgDefinition("MDC" + row[cMdc], row[cAdrg], row[cDrg], row[cName], drg.describe())));
            }
            rows.forEach((adrg, list) -> {
                list.sort(Comparator.comparingInt(Row::step));
                byAdrg.put(adrg, list.stream().map(Row::drg).toList());
                list.forEach(row -> definitions.add(row.def()));
            });
        }

        private List<Mdc> buildMdcs(Map<String, MdcRow> mdcRows, Tsv t, Map<String, RuleLists> lists,
                                    Map<String, List<Drg>> drgsByAdrg) {
            int cMdc = t.requiredColumn("mdc");
            int cStep = t.requiredColumn("step");
            int cId = t.requiredColumn("adrg");
            int cKind = t.requiredColumn("kind");
            int cEnabled = t.requiredColumn("enabled");
            int cShape = t.column("shape");
            int cDx = t.column("dx_scope");
            int cProc = t.column("proc_scope");
            int cValid = t.column("valid_proc");
            int cAgeDays = t.column("age_days_max");
            int cWMin = t.column("weight_min");
            int cWMax = t.column("weight_max_excl");
            int cTag = t.column("tag_rule");
            int cCode = t.column("adrg_code");
            int cDx2 = t.column("dx2_scope");
            int cAgeDaysMin = t.column("age_days_min");
            int cRedirect = t.column("qy_redirect");
            Map<String, List<EntryRule>> byMdc = new HashMap<>();
            Set<String> usedAdrgs = new java.util.HashSet<>();
            for (int r = 0; r < t.rows.size(); r++) {
                String[] row = t.rows.get(r);
                String mdc = row[cMdc];
                if (!mdcRows.containsKey(mdc)) {
                    throw t.error(r, "未在 mdc.tsv 中定义的 MDC：" + mdc, "MDC " + mdc + " is not in mdc.tsv");
                }
                String ruleId = row[cId];
                String adrgCode = Tsv.cell(row, cCode).isEmpty() ? ruleId : Tsv.cell(row, cCode);
                boolean qy = switch (row[cKind]) {
                    case "ADRG" -> false;
                    case "QY" -> true;
                    default -> throw unsupported(t, r, "kind", row[cKind]);
                };
                boolean enabled = switch (row[cEnabled]) {
                    case "1" -> true;
                    case "0" -> false;
                    default -> throw unsupported(t, r, "enabled", row[cEnabled]);
                };
                EntryRule.DxScope dxScope = dxScope(t, r, "dx_scope", Tsv.cell(row, cDx));
                EntryRule.DxScope dx2Scope = dxScope(t, r, "dx2_scope", Tsv.cell(row, cDx2));
                EntryRule.ProcScope procScope = switch (Tsv.cell(row, cProc)) {
                    case "" -> EntryRule.ProcScope.NONE;
                    case "principal" -> EntryRule.ProcScope.PRINCIPAL;
                    case "any" -> EntryRule.ProcScope.ANY;
                    case "any_a_and_any_b" -> EntryRule.ProcScope.ANY_A_AND_B;
                    case "tags" -> EntryRule.ProcScope.TAGS;
                    default -> throw unsupported(t, r, "proc_scope", Tsv.cell(row, cProc));
                };
                EntryRule.ValidProc validProc = switch (Tsv.cell(row, cValid)) {
                    case "" -> EntryRule.ValidProc.NONE;
                    case "principal_valid" -> EntryRule.ValidProc.PRINCIPAL_VALID;
                    case "none_valid" -> EntryRule.ValidProc.NONE_VALID;
                    case "any_valid" -> EntryRule.ValidProc.ANY_VALID;
                    case "principal_present" -> EntryRule.ValidProc.PRINCIPAL_PRESENT;
                    default -> throw unsupported(t, r, "valid_proc", Tsv.cell(row, cValid));
                };
                RuleLists l = lists.get(ruleId);
                TagRule tagRule = TagRule.NONE;
                String tagText = Tsv.cell(row, cTag);
                if (procScope == EntryRule.ProcScope.TAGS) {
                    if (tagText.isEmpty()) {
                        throw t.error(r, "proc_scope = tags 但 tag_rule 为空", "proc_scope = tags without a tag_rule");
                    }
                    try {
                        tagRule = TagRule.parse(tagText, l.tags);
                    } catch (IllegalArgumentException e) {
                        throw t.error(r, "标签规则无效：" + tagText, "invalid tag rule: " + e.getMessage());
                    }
                } else if (!tagText.isEmpty()) {
                    throw t.error(r, "tag_rule 只能与 proc_scope = tags 一起使用", "tag_rule needs proc_scope = tags");
                }
                if (dxScope != EntryRule.DxScope.NONE && l.dx.isEmpty()) {
                    throw t.error(r, "规则 " + ruleId + " 有诊断条件但 adrg_dx.tsv 中没有其诊断表",
                            "rule " + ruleId + " has a diagnosis clause but no list in adrg_dx.tsv");
                }
                if (dx2Scope != EntryRule.DxScope.NONE && l.dx2.isEmpty()) {
                    throw t.error(r, "规则 " + ruleId + " 有第二诊断条件 dx2_scope 但 adrg_dx.tsv 中没有其 B 表",
                            "rule " + ruleId + " has a dx2_scope clause but no list B in adrg_dx.tsv");
                }
                boolean qyRedirect = switch (Tsv.cell(row, cRedirect)) {
                    case "" -> false;
                    case "1" -> true;
                    default -> throw unsupported(t, r, "qy_redirect", Tsv.cell(row, cRedirect));
                };
                List<Drg> drgs = qy ? List.of() : drgsByAdrg.getOrDefault(adrgCode, List.of());
                if (!qy) {
                    usedAdrgs.add(adrgCode);
                }
                byMdc.computeIfAbsent(mdc, k -> new ArrayList<>()).add(new EntryRule(mdc, r,
                        integer(t, r, "step", row[cStep]), ruleId, adrgCode, qy, enabled, Tsv.cell(row, cShape),
                        dxScope, dx2Scope, procScope, validProc,
                        optionalInt(t, r, "age_days_max", Tsv.cell(row, cAgeDays)),
                        optionalInt(t, r, "age_days_min", Tsv.cell(row, cAgeDaysMin)),
                        optionalInt(t, r, "weight_min", Tsv.cell(row, cWMin)),
                        optionalInt(t, r, "weight_max_excl", Tsv.cell(row, cWMax)),
                        CodeSet.of(l.dx), CodeSet.of(l.dx2), CodeSet.of(l.a), CodeSet.of(l.b), tagRule, qyRedirect, drgs));
            }
            for (String adrg : drgsByAdrg.keySet()) {
                if (!usedAdrgs.contains(adrg)) {
                    throw new SchemeFormatException(id, "drg.tsv", 0, "ADRG " + adrg + " 在 adrg.tsv 中没有入组规则",
                            "ADRG " + adrg + " has no entry rule in adrg.tsv");
                }
            }
            List<MdcRow> ordered = new ArrayList<>(mdcRows.values());
            ordered.sort(Comparator.comparingInt(m -> m.order));
            if (ordered.size() > 64) {
                throw new SchemeFormatException(id, "mdc.tsv", 0, "MDC 超过 64 个", "more than 64 MDCs");
            }
            List<Mdc> mdcs = new ArrayList<>();
            for (MdcRow m : ordered) {
                List<EntryRule> rules = byMdc.getOrDefault(m.letter, new ArrayList<>());
                rules.sort(Comparator.comparingInt(rule -> rule.step));
                for (int i = 1; i < rules.size(); i++) {
                    if (rules.get(i).step == rules.get(i - 1).step) {
                        throw new SchemeFormatException(id, "adrg.tsv", 0, "MDC " + m.letter + " 的步骤 " + rules.get(i).step + " 重复",
                                "MDC " + m.letter + " has step " + rules.get(i).step + " twice");
                    }
                }
                byte[] region = null;
                List<String> regionNames = new ArrayList<>(m.regionBits.keySet());
                if (!m.regionOf.isEmpty()) {
                    region = new byte[m.dx.length()];
                    java.util.Arrays.fill(region, (byte) -1);
                    for (Map.Entry<Integer, Integer> e : m.regionOf.entrySet()) {
                        region[e.getKey()] = e.getValue().byteValue();
                    }
                }
                if (m.minTrauma > 0 && region == null) {
                    throw new SchemeFormatException(id, "mdc_dx.tsv", 0, "MDC " + m.letter + " 需要创伤部位但其诊断表没有 trauma_region",
                            "MDC " + m.letter + " tests trauma regions but its list has no trauma_region");
                }
                mdcs.add(new Mdc(m.order, mdcs.size(), m.letter, m.principalDx, m.anyDx, m.principalValid, m.sex, m.sexNot,
                        m.ageYearsEq, m.ageDaysMax, m.minTrauma, m.stop, CodeSet.of(m.dx),
                        region == null ? new byte[0] : region, regionNames, rules));
            }
            return mdcs;
        }

        private int[] byId(Map<String, Integer> byCode, CodeTable table) {
            int[] out = new int[table.size()];
            java.util.Arrays.fill(out, -1);
            byCode.forEach((code, tableId) -> out[table.id(code)] = tableId);
            return out;
        }

        private Map<String, String> readMap(Tsv t) {
            int s = t.requiredColumn("source_code");
            int d = t.requiredColumn("target_code");
            Map<String, String> out = new HashMap<>(t.rows.size() * 2);
            for (int r = 0; r < t.rows.size(); r++) {
                String[] row = t.rows.get(r);
                if (out.put(row[s], row[d]) != null) {
                    throw t.error(r, "映射源编码重复：" + row[s], "duplicate source code " + row[s]);
                }
            }
            return Map.copyOf(out);
        }

        private int integer(Tsv t, int r, String column, String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw t.error(r, "列 " + column + " 应为整数，实为 '" + text + "'",
                        "column " + column + " must be an integer, found '" + text + "'");
            }
        }

        private int optionalInt(Tsv t, int r, String column, String text) {
            return text.isEmpty() ? Drg.ABSENT : integer(t, r, column, text);
        }

        private EntryRule.DxScope dxScope(Tsv t, int r, String column, String value) {
            return switch (value) {
                case "" -> EntryRule.DxScope.NONE;
                case "principal" -> EntryRule.DxScope.PRINCIPAL;
                case "any" -> EntryRule.DxScope.ANY;
                case "secondary" -> EntryRule.DxScope.SECONDARY;
                default -> throw unsupported(t, r, column, value);
            };
        }

        private SchemeFormatException unsupported(Tsv t, int r, String column, String value) {
            return t.error(r, "列 " + column + " 的值 '" + value + "' 不受支持",
                    "value '" + value + "' of column " + column + " is not supported");
        }
    }

    private static final class MdcRow {
        int order;
        String letter;
        boolean principalDx;
        boolean anyDx;
        boolean principalValid;
        String sex;
        String sexNot;
        int ageYearsEq;
        int ageDaysMax;
        int minTrauma;
        boolean stop;
        final BitSet dx = new BitSet();
        final Map<String, Integer> regionBits = new LinkedHashMap<>();
        final Map<Integer, Integer> regionOf = new HashMap<>();
    }

    private static final class RuleLists {
        final BitSet dx = new BitSet();
        final BitSet dx2 = new BitSet();
        final BitSet a = new BitSet();
        final BitSet b = new BitSet();
        final Map<Integer, List<String>> tags = new HashMap<>();
    }
}
