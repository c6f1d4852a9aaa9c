package org.openhqd.platform.drg.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;

/**
 * A stored case's record as it was submitted, field by field under the import's column names, the
 * identity number replaced by its masked form (the stored record never holds the number, and the
 * encrypted column is not read for display).
 */
final class SubmittedRecord {

    private static final Map<String, Function<DischargeRecord, String>> SCALARS = new LinkedHashMap<>();

    static {
        SCALARS.put("case_id", DischargeRecord::caseId);
        SCALARS.put("patient_id_number", DischargeRecord::patientIdNumber);
        SCALARS.put("institution", DischargeRecord::institution);
        SCALARS.put("department", DischargeRecord::department);
        SCALARS.put("attending_doctor", DischargeRecord::attendingDoctor);
        SCALARS.put("coder", DischargeRecord::coder);
        SCALARS.put("admission_time", DischargeRecord::admissionTime);
        SCALARS.put("discharge_time", DischargeRecord::dischargeTime);
        SCALARS.put("los", DischargeRecord::los);
        SCALARS.put("sex", DischargeRecord::sex);
        SCALARS.put("age", DischargeRecord::age);
        SCALARS.put("age_days", DischargeRecord::ageDays);
        SCALARS.put("birth_weight", DischargeRecord::birthWeight);
        SCALARS.put("admission_weight", DischargeRecord::admissionWeight);
        SCALARS.put("discharge_type", DischargeRecord::dischargeType);
        SCALARS.put("transfer_institution", DischargeRecord::transferInstitution);
        SCALARS.put("admission_route", DischargeRecord::admissionRoute);
        SCALARS.put("total_cost", DischargeRecord::totalCost);
        SCALARS.put("drug_cost", DischargeRecord::drugCost);
        SCALARS.put("material_cost", DischargeRecord::materialCost);
        SCALARS.put("examination_cost", DischargeRecord::examinationCost);
        SCALARS.put("service_cost", DischargeRecord::serviceCost);
        SCALARS.put("other_cost", DischargeRecord::otherCost);
        SCALARS.put("insurance_type", DischargeRecord::insuranceType);
        SCALARS.put("fund_payment", DischargeRecord::fundPayment);
    }

    private SubmittedRecord() {
    }

    /** The scalar fields in settlement-list order, then {@code diagnoses} and {@code procedures} as lists of objects. */
    static Map<String, Object> of(DischargeRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        SCALARS.forEach((name, get) -> out.put(name, get.apply(r)));
        List<Map<String, String>> dx = new ArrayList<>();
        for (Diagnosis d : r.diagnoses()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("code", d.code());
            m.put("name", d.name());
            m.put("admission_condition", d.admissionCondition());
            dx.add(m);
        }
        List<Map<String, String>> px = new ArrayList<>();
        for (Procedure p : r.procedures()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("code", p.code());
            m.put("name", p.name());
            m.put("date", p.date());
            m.put("level", p.level());
            m.put("incision_class", p.incisionClass());
            m.put("healing_grade", p.healingGrade());
            m.put("anaesthesia", p.anaesthesia());
            px.add(m);
        }
        out.put("diagnoses", dx);
        out.put("procedures", px);
        return out;
    }

    static List<String> scalarNames() {
        return List.copyOf(SCALARS.keySet());
    }
}
