package org.openhqd.quality;

import java.util.ArrayList;
import java.util.List;
import org.openhqd.casemix.drg.InpatientCase;

/**
 * One discharge as the settlement list (医保结算清单) / record home page (病案首页) carries it. All
 * values are the submitted text, because quality control judges exactly what will be uploaded:
 * {@code 45岁}, {@code 2024-13-01} or an empty field are findings, not parse failures.
 *
 * <p>Field names used by the rule files are the snake_case names in {@link RecordFields} (the
 * case CSV's column names where the two overlap: {@code case_id}, {@code sex}, {@code age},
 * {@code age_days}, {@code birth_weight}, {@code los}, {@code discharge_type}).
 *
 * <p>{@link #toString()} masks the identity document number: records get logged, the number must
 * not.
 *
 * @param caseId 病案号 / settlement id
 * @param patientIdNumber 证件号码 (identity document number; never logged)
 * @param institution 定点医疗机构
 * @param department 出院科别
 * @param attendingDoctor 主诊医师
 * @param coder 编码员
 * @param admissionTime 入院时间, {@code yyyy-MM-dd HH:mm}
 * @param dischargeTime 出院时间, {@code yyyy-MM-dd HH:mm}
 * @param los 实际住院天数
 * @param sex 性别 {@code 1} male, {@code 2} female
 * @param age 年龄 (years)
 * @param ageDays 年龄（不足1周岁，天）
 * @param birthWeight 新生儿出生体重 (g)
 * @param admissionWeight 新生儿入院体重 (g)
 * @param dischargeType 离院方式 {@code 1} 医嘱离院, {@code 2} 医嘱转院, {@code 3} 医嘱转社区, {@code 4} 非医嘱离院, {@code 5} 死亡, {@code 9} 其他
 * @param transferInstitution 拟接收机构 (for discharge types 2 and 3)
 * @param admissionRoute 入院途径 {@code 1} 急诊, {@code 2} 门诊, {@code 3} 其他医疗机构转入, {@code 9} 其他
 * @param diagnoses principal first
 * @param procedures principal first
 * @param totalCost 医疗费总额
 * @param drugCost 药品费
 * @param materialCost 耗材费
 * @param examinationCost 检查检验费
 * @param serviceCost 医疗服务费
 * @param otherCost 其他费
 * @param insuranceType 医保类型
 * @param fundPayment 医保统筹基金支付
 */
public record DischargeRecord(String caseId, String patientIdNumber, String institution, String department,
                              String attendingDoctor, String coder, String admissionTime, String dischargeTime,
                              String los, String sex, String age, String ageDays, String birthWeight,
                              String admissionWeight, String dischargeType, String transferInstitution,
                              String admissionRoute, List<Diagnosis> diagnoses, List<Procedure> procedures,
                              String totalCost, String drugCost, String materialCost, String examinationCost,
                              String serviceCost, String otherCost, String insuranceType, String fundPayment) {

    public DischargeRecord {
        caseId = Text.orEmpty(caseId);
        patientIdNumber = Text.orEmpty(patientIdNumber);
        institution = Text.orEmpty(institution);
        department = Text.orEmpty(department);
        attendingDoctor = Text.orEmpty(attendingDoctor);
        coder = Text.orEmpty(coder);
        admissionTime = Text.orEmpty(admissionTime);
        dischargeTime = Text.orEmpty(dischargeTime);
        los = Text.orEmpty(los);
        sex = Text.orEmpty(sex);
        age = Text.orEmpty(age);
        ageDays = Text.orEmpty(ageDays);
        birthWeight = Text.orEmpty(birthWeight);
        admissionWeight = Text.orEmpty(admissionWeight);
        dischargeType = Text.orEmpty(dischargeType);
        transferInstitution = Text.orEmpty(transferInstitution);
        admissionRoute = Text.orEmpty(admissionRoute);
        diagnoses = copy(diagnoses, Diagnosis.of(""));
        procedures = copy(procedures, Procedure.of(""));
        totalCost = Text.orEmpty(totalCost);
        drugCost = Text.orEmpty(drugCost);
        materialCost = Text.orEmpty(materialCost);
        examinationCost = Text.orEmpty(examinationCost);
        serviceCost = Text.orEmpty(serviceCost);
        otherCost = Text.orEmpty(otherCost);
        insuranceType = Text.orEmpty(insuranceType);
        fundPayment = Text.orEmpty(fundPayment);
    }

    /** A null line (a gap in an import) becomes an empty line, so rules see it as unfilled. */
    private static <T> List<T> copy(List<T> items, T empty) {
        if (items == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(items.size());
        for (T t : items) {
            out.add(t == null ? empty : t);
        }
        return List.copyOf(out);
    }

    /** The fields the grouper reads, codes in the submitted order (principal first). */
    public InpatientCase toInpatientCase() {
        return new InpatientCase(caseId, sex, age, ageDays, birthWeight, department, los, dischargeType,
                diagnoses.stream().map(Diagnosis::code).toList(), procedures.stream().map(Procedure::code).toList());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        for (String f : RecordFields.scalarNames()) {
            b.set(f, RecordFields.get(this, f));
        }
        b.diagnoses.addAll(diagnoses);
        b.procedures.addAll(procedures);
        return b;
    }

    @Override
    public String toString() {
        return "DischargeRecord[caseId=" + caseId + ", patientIdNumber=" + Text.mask(patientIdNumber)
                + ", department=" + department + ", sex=" + sex + ", age=" + age + ", diagnoses="
                + diagnoses.stream().map(Diagnosis::code).toList() + ", procedures="
                + procedures.stream().map(Procedure::code).toList() + "]";
    }

    /** Builds records field by field, by name too (importers map their columns to these names). */
    public static final class Builder {
        private final java.util.Map<String, String> values = new java.util.HashMap<>();
        private final List<Diagnosis> diagnoses = new ArrayList<>();
        private final List<Procedure> procedures = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets a single-valued field by its rule-file name, e.g. {@code discharge_type}.
         *
         * @throws IllegalArgumentException for a name that is not a single-valued field
         */
        public Builder set(String field, String value) {
            if (!RecordFields.isScalar(field)) {
                throw new IllegalArgumentException("未知字段 '" + field + "' / unknown field '" + field
                        + "'; fields: " + RecordFields.scalarNames());
            }
            values.put(field, value);
            return this;
        }

        public Builder diagnosis(Diagnosis d) {
            diagnoses.add(d);
            return this;
        }

        public Builder diagnoses(List<Diagnosis> list) {
            diagnoses.clear();
            diagnoses.addAll(list);
            return this;
        }

        public Builder procedure(Procedure p) {
            procedures.add(p);
            return this;
        }

        public Builder procedures(List<Procedure> list) {
            procedures.clear();
            procedures.addAll(list);
            return this;
        }

        public DischargeRecord build() {
            return new DischargeRecord(v("case_id"), v("patient_id_number"), v("institution"), v("department"),
                    v("attending_doctor"), v("coder"), v("admission_time"), v("discharge_time"), v("los"), v("sex"),
                    v("age"), v("age_days"), v("birth_weight"), v("admission_weight"), v("discharge_type"),
                    v("transfer_institution"), v("admission_route"), diagnoses, procedures, v("total_cost"),
                    v("drug_cost"), v("material_cost"), v("examination_cost"), v("service_cost"), v("other_cost"),
                    v("insurance_type"), v("fund_payment"));
        }

        private String v(String field) {
            return values.get(field);
        }
    }
}
