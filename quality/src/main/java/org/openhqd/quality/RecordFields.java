package org.openhqd.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The names rule files use for the fields of a {@link DischargeRecord} and of its lines. */
final class RecordFields {

    private static final Map<String, Function<DischargeRecord, String>> SCALAR = new LinkedHashMap<>();
    private static final Map<String, Function<Diagnosis, String>> DIAGNOSIS = new LinkedHashMap<>();
    private static final Map<String, Function<Procedure, String>> PROCEDURE = new LinkedHashMap<>();

    static {
        SCALAR.put("case_id", DischargeRecord::caseId);
        SCALAR.put("patient_id_number", DischargeRecord::patientIdNumber);
        SCALAR.put("institution", DischargeRecord::institution);
        SCALAR.put("department", DischargeRecord::department);
        SCALAR.put("attending_doctor", DischargeRecord::attendingDoctor);
        SCALAR.put("coder", DischargeRecord::coder);
        SCALAR.put("admission_time", DischargeRecord::admissionTime);
        SCALAR.put("discharge_time", DischargeRecord::dischargeTime);
        SCALAR.put("los", DischargeRecord::los);
        SCALAR.put("sex", DischargeRecord::sex);
        SCALAR.put("age", DischargeRecord::age);
        SCALAR.put("age_days", DischargeRecord::ageDays);
        SCALAR.put("birth_weight", DischargeRecord::birthWeight);
        SCALAR.put("admission_weight", DischargeRecord::admissionWeight);
        SCALAR.put("discharge_type", DischargeRecord::dischargeType);
        SCALAR.put("transfer_institution", DischargeRecord::transferInstitution);
        SCALAR.put("admission_route", DischargeRecord::admissionRoute);
        SCALAR.put("total_cost", DischargeRecord::totalCost);
        SCALAR.put("drug_cost", DischargeRecord::drugCost);
        SCALAR.put("material_cost", DischargeRecord::materialCost);
        SCALAR.put("examination_cost", DischargeRecord::examinationCost);
        SCALAR.put("service_cost", DischargeRecord::serviceCost);
        SCALAR.put("other_cost", DischargeRecord::otherCost);
        SCALAR.put("insurance_type", DischargeRecord::insuranceType);
        SCALAR.put("fund_payment", DischargeRecord::fundPayment);
        DIAGNOSIS.put("code", Diagnosis::code);
        DIAGNOSIS.put("name", Diagnosis::name);
        DIAGNOSIS.put("admission_condition", Diagnosis::admissionCondition);
        PROCEDURE.put("code", Procedure::code);
        PROCEDURE.put("name", Procedure::name);
        PROCEDURE.put("date", Procedure::date);
        PROCEDURE.put("level", Procedure::level);
        PROCEDURE.put("incision_class", Procedure::incisionClass);
        PROCEDURE.put("healing_grade", Procedure::healingGrade);
        PROCEDURE.put("anaesthesia", Procedure::anaesthesia);
    }

    /** Fields whose values identify a person: findings show them masked. */
    static final Set<String> MASKED = Set.of("patient_id_number");

    private RecordFields() {
    }

    static List<String> scalarNames() {
        return List.copyOf(SCALAR.keySet());
    }

    static boolean isScalar(String name) {
        return SCALAR.containsKey(name);
    }

    static String get(DischargeRecord r, String name) {
        return SCALAR.get(name).apply(r);
    }

    static Function<DischargeRecord, String> scalar(String name) {
        return SCALAR.get(name);
    }

    static Function<Diagnosis, String> diagnosisAttribute(String name) {
        return DIAGNOSIS.get(name);
    }

    static Function<Procedure, String> procedureAttribute(String name) {
        return PROCEDURE.get(name);
    }

    static Set<String> diagnosisAttributes() {
        return DIAGNOSIS.keySet();
    }

    static Set<String> procedureAttributes() {
        return PROCEDURE.keySet();
    }
}
