package org.openhqd.platform.drg.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The documented shape of one case posted for pre-grouping (OpenAPI only: {@link PreGroupReader}
 * reads the body itself, to name every bad field and to refuse an identity number). Scalar values
 * may be JSON strings or numbers and are judged as text, like an imported settlement list.
 */
@Schema(name = "PreGroupCase", description = "一个待预分组的病例；字段名同 hqd drg group 的 CSV 列 / a case to pre-group; field names as the CLI's "
        + "case CSV columns. Unknown fields are refused; patient_id_number is refused (pre-grouping needs none).")
record PreGroupCase(
        @JsonProperty("case_id") @Schema(example = "ZY2026-000123") String caseId,
        @Schema(description = "1 男 / male, 2 女 / female", example = "1") String sex,
        @Schema(description = "年龄（岁）/ age in years", example = "56") String age,
        @JsonProperty("age_days") @Schema(description = "不足1周岁的年龄（天）/ age in days under one year") String ageDays,
        @JsonProperty("birth_weight") @Schema(description = "新生儿出生体重（克）/ newborn birth weight (g)") String birthWeight,
        @Schema(description = "出院科别 / discharge department (alias: department)", example = "普外科") String dept,
        @Schema(description = "实际住院天数 / length of stay", example = "7") String los,
        @JsonProperty("discharge_type") @Schema(description = "离院方式 1–5, 9", example = "1") String dischargeType,
        @ArraySchema(schema = @Schema(oneOf = {String.class, DiagnosisLine.class}),
                arraySchema = @Schema(description = "诊断编码，主要诊断在前；或对象 / diagnosis codes, principal first; or objects",
                        example = "[\"K80.100\", {\"code\": \"K81.000\", \"name\": \"急性胆囊炎\", \"admission_condition\": \"1\"}]"))
        List<Object> diagnoses,
        @ArraySchema(schema = @Schema(oneOf = {String.class, ProcedureLine.class}),
                arraySchema = @Schema(description = "手术操作编码，主要手术在前；或对象 / procedure codes, principal first; or objects",
                        example = "[\"51.2300\"]"))
        List<Object> procedures,
        @Schema(description = "分组方案编号，默认为本机构配置的方案 / scheme id; default: the caller's institution's scheme",
                example = "chs-drg-1.1") String scheme,
        @Schema(description = "定点医疗机构 / institution") String institution,
        @JsonProperty("attending_doctor") String attendingDoctor,
        String coder,
        @JsonProperty("admission_time") @Schema(example = "2026-03-02 09:30") String admissionTime,
        @JsonProperty("discharge_time") @Schema(example = "2026-03-09 10:00") String dischargeTime,
        @JsonProperty("admission_weight") String admissionWeight,
        @JsonProperty("transfer_institution") String transferInstitution,
        @JsonProperty("admission_route") @Schema(description = "入院途径 1 急诊, 2 门诊, 3 转入, 9 其他") String admissionRoute,
        @JsonProperty("total_cost") @Schema(example = "18650.40") String totalCost,
        @JsonProperty("drug_cost") String drugCost,
        @JsonProperty("material_cost") String materialCost,
        @JsonProperty("examination_cost") String examinationCost,
        @JsonProperty("service_cost") String serviceCost,
        @JsonProperty("other_cost") String otherCost,
        @JsonProperty("insurance_type") String insuranceType,
        @JsonProperty("fund_payment") String fundPayment) {

    @Schema(name = "PreGroupDiagnosis")
    record DiagnosisLine(@Schema(example = "K81.000") String code, @Schema(example = "急性胆囊炎") String name,
                         @JsonProperty("admission_condition") @Schema(description = "入院病情 1 有, 2 临床未确定, 3 情况不明, 4 无")
                         String admissionCondition) {
    }

    @Schema(name = "PreGroupProcedure")
    record ProcedureLine(@Schema(example = "51.2300") String code, String name,
                         @Schema(example = "2026-03-03") String date,
                         @Schema(description = "手术级别 1–4") String level,
                         @JsonProperty("incision_class") @Schema(description = "切口类别 0–3") String incisionClass,
                         @JsonProperty("healing_grade") @Schema(description = "愈合等级 1 甲, 2 乙, 3 丙, 9 其他") String healingGrade,
                         @Schema(example = "全身麻醉") String anaesthesia) {
    }
}
