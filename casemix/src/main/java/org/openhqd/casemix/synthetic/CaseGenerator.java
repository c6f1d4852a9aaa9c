package org.openhqd.casemix.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openhqd.casemix.drg.CaseReading;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.MdcDefinition;
import org.openhqd.casemix.drg.RuleDefinition;
import org.openhqd.casemix.drg.Scheme;

/**
 * Seeded generator of realistic synthetic inpatient cases drawn from a scheme's own lists — no
 * real person's data. Each case targets a random entry rule of the scheme (medical rules more
 * often than surgical ones, as in a general hospital) and is built to satisfy it; secondary
 * diagnoses come from the MCC/CC tables and the dictionary, so the complication splits and the
 * exclusion tables are exercised; a small share carries the errors seen in real exports (lower
 * case, padding, unit after a number, missing birth weight). Same scheme and seed give the same
 * cases in the same order. A scheme without dictionaries (CHS-DRG 2.0) lends the codes of its MDC
 * lists for other diagnoses and its non-surgical procedure list for additional procedures, and
 * cases follow its case reading (no age in days beyond the first year there).
 */
public final class CaseGenerator {

    private static final String[] DEPTS = {"0301", "0302", "0303", "0401", "0402", "0403", "0404", "0405",
            "05", "07", "10", "11", "12", "13", "15", "19", "28", "32", "50"};

    private final SplittableRandom random;
    private final List<RuleDefinition> medical = new ArrayList<>();
    private final List<RuleDefinition> surgical = new ArrayList<>();
    private final Map<String, MdcDefinition> mdcs = new HashMap<>();
    private final String[] mcc;
    private final String[] cc;
    private final String[] dxDictionary;
    private final String[] nonOrProcedures;
    private final String[] validProcedures;
    /** Procedures of the surgical rules' lists, for rules that only need some principal procedure. */
    private final String[] surgicalProcedures;
    /** The 2.0 reading refuses an age in days beyond the first year. */
    private final boolean ageDaysOnlyForInfants;
    private long count;

    public CaseGenerator(Scheme scheme, long seed) {
        this.random = new SplittableRandom(seed);
        for (MdcDefinition m : scheme.mdcs()) {
            mdcs.put(m.letter(), m);
        }
        java.util.Set<String> surgicalCodes = new java.util.LinkedHashSet<>();
        for (RuleDefinition r : scheme.rules()) {
            if (!r.enabled() || r.qy() || "tags".equals(r.procScope())) {
                continue;
            }
            boolean needsProcedure = !r.proceduresA().isEmpty() || "principal_valid".equals(r.validProc())
                    || "principal_present".equals(r.validProc());
            (needsProcedure ? surgical : medical).add(r);
            surgicalCodes.addAll(r.proceduresA());
        }
        this.mcc = scheme.mccCodes().toArray(String[]::new);
        this.cc = scheme.ccCodes().toArray(String[]::new);
        List<String> dxCodes = scheme.diagnosisDictionary();
        if (dxCodes.isEmpty()) {
            java.util.Set<String> listed = new java.util.LinkedHashSet<>();
            scheme.mdcs().forEach(m -> listed.addAll(m.diagnoses()));
            dxCodes = List.copyOf(listed);
        }
        this.dxDictionary = dxCodes.toArray(String[]::new);
        List<String> valid = scheme.validProcedures();
        java.util.Set<String> validSet = new java.util.HashSet<>(valid);
        this.validProcedures = valid.toArray(String[]::new);
        this.surgicalProcedures = surgicalCodes.toArray(String[]::new);
        List<String> nonOr = scheme.procedureDictionary().isEmpty() ? scheme.nonSurgicalProcedures()
                : scheme.procedureDictionary().stream().filter(p -> !validSet.contains(p)).toList();
        this.nonOrProcedures = nonOr.toArray(String[]::new);
        this.ageDaysOnlyForInfants = scheme.caseReading() == CaseReading.CHS_DRG_20;
        if (medical.isEmpty() || dxDictionary.length == 0) {
            throw new IllegalArgumentException("scheme " + scheme.info().id()
                    + " has no diagnosis list or no medical entry rule to generate cases from");
        }
    }

    /** The next case; case ids are {@code G} + a running number padded to 9 digits. */
    public InpatientCase next() {
        count++;
        String id = "G" + pad(count);
        RuleDefinition rule = random.nextInt(100) < 72 || surgical.isEmpty()
                ? medical.get(random.nextInt(medical.size()))
                : surgical.get(random.nextInt(surgical.size()));
        MdcDefinition mdc = mdcs.get(rule.mdc());

        List<String> dx = new ArrayList<>(10);
        List<String> procs = new ArrayList<>(6);
        String principal = principalDiagnosis(rule, mdc);
        dx.add(principal);
        if ("secondary".equals(rule.dxScope())) {
            dx.add(pick(rule.diagnoses()));
        }
        if (!"none".equals(rule.dx2Scope()) && !rule.diagnosesB().isEmpty()) {
            dx.add(pick(rule.diagnosesB()));
        }
        int secondaries = (int) Math.min(12, Math.round(Math.abs(random.nextGaussian()) * 3.5));
        for (int i = 0; i < secondaries; i++) {
            int roll = random.nextInt(100);
            dx.add(roll < 12 && mcc.length > 0 ? pick(mcc) : roll < 40 && cc.length > 0 ? pick(cc) : pick(dxDictionary));
        }
        switch (rule.procScope()) {
            case "principal", "any" -> procs.add(pick(rule.proceduresA()));
            case "any_a_and_any_b" -> {
                procs.add(pick(rule.proceduresA()));
                procs.add(pick(rule.proceduresB()));
            }
            default -> {
                if ("principal_valid".equals(rule.validProc()) && validProcedures.length > 0) {
                    procs.add(pick(validProcedures));
                } else if ("principal_present".equals(rule.validProc()) && surgicalProcedures.length > 0) {
                    procs.add(pick(surgicalProcedures));
                }
            }
        }
        if (!"none_valid".equals(rule.validProc()) && nonOrProcedures.length > 0) {
            int extra = random.nextInt(100) < 55 ? random.nextInt(4) : 0;
            for (int i = 0; i < extra; i++) {
                procs.add(pick(nonOrProcedures));
            }
        }

        boolean newborn = rule.ageDaysMax() != null || rule.ageDaysMin() != null
                || (mdc.ageYears() != null && mdc.ageYears() == 0);
        // MDC O (pregnancy) has no sex clause in CHS-DRG, but its patients are women
        boolean pregnancy = "O".equals(mdc.letter());
        String sex = mdc.sex() != null ? mdc.sex() : mdc.sexNot() != null ? ("1".equals(mdc.sexNot()) ? "2" : "1")
                : pregnancy ? "2" : random.nextBoolean() ? "1" : "2";
        String age;
        String ageDays;
        String weight = "";
        if (newborn) {
            age = "0";
            int maxDays = rule.ageDaysMax() != null ? rule.ageDaysMax() : mdc.ageDaysMax() != null ? mdc.ageDaysMax() : 364;
            int minDays = rule.ageDaysMin() != null ? Math.min(rule.ageDaysMin(), maxDays) : 0;
            ageDays = Integer.toString(minDays + random.nextInt(maxDays - minDays + 1));
            int lo = rule.weightMin() != null ? rule.weightMin() : 900;
            int hi = rule.weightMaxExcl() != null ? rule.weightMaxExcl() : 4300;
            weight = Integer.toString(lo + random.nextInt(Math.max(1, hi - lo)));
        } else {
            int years = pregnancy ? 18 + random.nextInt(27) : 1 + (int) Math.min(98, Math.abs(45 + random.nextGaussian() * 20));
            age = Integer.toString(years);
            ageDays = ageDaysOnlyForInfants || random.nextInt(100) < 30 ? "" : Integer.toString(years * 365 + random.nextInt(365));
        }
        String los = Integer.toString(1 + (int) Math.min(89, Math.exp(1.9 + random.nextGaussian() * 0.6)));
        String discharge = random.nextInt(100) < 92 ? "1" : Integer.toString(2 + random.nextInt(4));

        // a few of the errors real HIS exports carry
        int noise = random.nextInt(1000);
        if (noise < 4) {
            dx.set(0, principal.toLowerCase(java.util.Locale.ROOT));
        } else if (noise < 7) {
            dx.set(0, " " + principal);
        } else if (noise < 9) {
            age = age + "岁";
        } else if (noise < 11 && newborn) {
            weight = "";
        }
        return new InpatientCase(id, sex, age, ageDays, weight, DEPTS[random.nextInt(DEPTS.length)], los, discharge,
                dx, procs);
    }

    private String principalDiagnosis(RuleDefinition rule, MdcDefinition mdc) {
        if (("principal".equals(rule.dxScope()) || "any".equals(rule.dxScope())) && !rule.diagnoses().isEmpty()) {
            return pick(rule.diagnoses());
        }
        if (!mdc.diagnoses().isEmpty()) {
            return pick(mdc.diagnoses());
        }
        return pick(dxDictionary);
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] array) {
        return array[random.nextInt(array.length)];
    }

    private static String pad(long n) {
        String s = Long.toString(n);
        return "000000000".substring(Math.min(9, s.length())) + s;
    }
}
