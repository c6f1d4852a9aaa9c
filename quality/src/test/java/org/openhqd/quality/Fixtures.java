package org.openhqd.quality;

import java.util.ArrayList;
import java.util.List;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.SchemeCatalog;

/**
 * A clean synthetic record (no person's data) and edits written as text, so that fixture files
 * state each case as "the clean record, except …": {@code sex=2; diagnoses=R10.400|K35.800},
 * {@code procedures[0].level=}, {@code diagnoses[1].admission_condition=4}. Replacing a list fills
 * each line's name from the dictionary and the other attributes with clean values.
 */
final class Fixtures {

    static final Scheme CHS11 = SchemeCatalog.builtIn().get("chs-drg-1.1");
    static final DrgGrouper GROUPER = DrgGrouper.of(CHS11);
    static final QualityChecker CHECKER = QualityChecker.of(GROUPER);

    private Fixtures() {
    }

    /** Appendicitis, laparoscopic appendectomy, 7 days, costs that add up; every shipped rule passes. */
    static DischargeRecord clean() {
        return DischargeRecord.builder()
                .set("case_id", "QC0000001").set("patient_id_number", "11010519491231002X")
                .set("institution", "H0001").set("department", "0401").set("attending_doctor", "D0101")
                .set("coder", "B0007").set("admission_time", "2026-03-02 08:30").set("discharge_time", "2026-03-09 10:00")
                .set("los", "7").set("sex", "1").set("age", "45").set("discharge_type", "1").set("admission_route", "2")
                .set("total_cost", "12000.50").set("drug_cost", "3000.10").set("material_cost", "4000.20")
                .set("examination_cost", "2000.20").set("service_cost", "2500.00").set("other_cost", "500.00")
                .set("insurance_type", "310").set("fund_payment", "8000.00")
                .diagnoses(diagnoses("K35.300", "E11.900"))
                .procedures(procedures("47.0100"))
                .build();
    }

    static List<Diagnosis> diagnoses(String... codes) {
        List<Diagnosis> out = new ArrayList<>();
        for (String c : codes) {
            out.add(new Diagnosis(c, CHS11.diagnosisName(c).orElse(""), "1"));
        }
        return out;
    }

    static List<Procedure> procedures(String... codes) {
        List<Procedure> out = new ArrayList<>();
        for (String c : codes) {
            out.add(new Procedure(c, CHS11.procedureName(c).orElse(""), "2026-03-03", "3", "2", "1", "全身麻醉"));
        }
        return out;
    }

    /** The clean record with the edits applied ({@code key=value; …}; an empty value clears the field). */
    static DischargeRecord edited(String changes) {
        DischargeRecord.Builder b = clean().toBuilder();
        DischargeRecord current = b.build();
        for (String part : changes.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip().replace("\\t", "\t");
            current = apply(current, key, value);
        }
        return current;
    }

    private static DischargeRecord apply(DischargeRecord r, String key, String value) {
        DischargeRecord.Builder b = r.toBuilder();
        if (key.equals("diagnoses")) {
            return b.diagnoses(value.isEmpty() ? List.of() : diagnoses(value.split("\\|", -1))).build();
        }
        if (key.equals("procedures")) {
            return b.procedures(value.isEmpty() ? List.of() : procedures(value.split("\\|", -1))).build();
        }
        if (key.startsWith("diagnoses[")) {
            int i = Integer.parseInt(key.substring(10, key.indexOf(']')));
            String attr = key.substring(key.indexOf("].") + 2);
            List<Diagnosis> list = new ArrayList<>(r.diagnoses());
            Diagnosis d = list.get(i);
            list.set(i, switch (attr) {
                case "code" -> new Diagnosis(value, d.name(), d.admissionCondition());
                case "name" -> new Diagnosis(d.code(), value, d.admissionCondition());
                case "admission_condition" -> new Diagnosis(d.code(), d.name(), value);
                default -> throw new IllegalArgumentException(key);
            });
            return b.diagnoses(list).build();
        }
        if (key.startsWith("procedures[")) {
            int i = Integer.parseInt(key.substring(11, key.indexOf(']')));
            String attr = key.substring(key.indexOf("].") + 2);
            List<Procedure> list = new ArrayList<>(r.procedures());
            Procedure p = list.get(i);
            list.set(i, switch (attr) {
                case "code" -> p.withCode(value);
                case "name" -> new Procedure(p.code(), value, p.date(), p.level(), p.incisionClass(), p.healingGrade(), p.anaesthesia());
                case "date" -> new Procedure(p.code(), p.name(), value, p.level(), p.incisionClass(), p.healingGrade(), p.anaesthesia());
                case "level" -> new Procedure(p.code(), p.name(), p.date(), value, p.incisionClass(), p.healingGrade(), p.anaesthesia());
                case "incision_class" -> new Procedure(p.code(), p.name(), p.date(), p.level(), value, p.healingGrade(), p.anaesthesia());
                case "healing_grade" -> new Procedure(p.code(), p.name(), p.date(), p.level(), p.incisionClass(), value, p.anaesthesia());
                case "anaesthesia" -> new Procedure(p.code(), p.name(), p.date(), p.level(), p.incisionClass(), p.healingGrade(), value);
                default -> throw new IllegalArgumentException(key);
            });
            return b.procedures(list).build();
        }
        return b.set(key, value).build();
    }
}
