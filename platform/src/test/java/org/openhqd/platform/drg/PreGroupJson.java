package org.openhqd.platform.drg;

import java.util.ArrayList;
import java.util.List;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;

/** A settlement-list record as a pre-grouping request body (without its identity number). */
final class PreGroupJson {

    private PreGroupJson() {
    }

    static String of(DischargeRecord r) {
        List<String> parts = new ArrayList<>();
        field(parts, "case_id", r.caseId());
        field(parts, "institution", r.institution());
        field(parts, "dept", r.department());
        field(parts, "attending_doctor", r.attendingDoctor());
        field(parts, "coder", r.coder());
        field(parts, "admission_time", r.admissionTime());
        field(parts, "discharge_time", r.dischargeTime());
        field(parts, "los", r.los());
        field(parts, "sex", r.sex());
        field(parts, "age", r.age());
        field(parts, "age_days", r.ageDays());
        field(parts, "birth_weight", r.birthWeight());
        field(parts, "admission_weight", r.admissionWeight());
        field(parts, "discharge_type", r.dischargeType());
        field(parts, "transfer_institution", r.transferInstitution());
        field(parts, "admission_route", r.admissionRoute());
        field(parts, "total_cost", r.totalCost());
        field(parts, "drug_cost", r.drugCost());
        field(parts, "material_cost", r.materialCost());
        field(parts, "examination_cost", r.examinationCost());
        field(parts, "service_cost", r.serviceCost());
        field(parts, "other_cost", r.otherCost());
        field(parts, "insurance_type", r.insuranceType());
        field(parts, "fund_payment", r.fundPayment());
        List<String> dx = new ArrayList<>();
        for (Diagnosis d : r.diagnoses()) {
            dx.add("{\"code\":" + q(d.code()) + ",\"name\":" + q(d.name()) + ",\"admission_condition\":" + q(d.admissionCondition()) + "}");
        }
        List<String> px = new ArrayList<>();
        for (Procedure p : r.procedures()) {
            px.add("{\"code\":" + q(p.code()) + ",\"name\":" + q(p.name()) + ",\"date\":" + q(p.date()) + ",\"level\":" + q(p.level())
                    + ",\"incision_class\":" + q(p.incisionClass()) + ",\"healing_grade\":" + q(p.healingGrade())
                    + ",\"anaesthesia\":" + q(p.anaesthesia()) + "}");
        }
        parts.add("\"diagnoses\":[" + String.join(",", dx) + "]");
        parts.add("\"procedures\":[" + String.join(",", px) + "]");
        return "{" + String.join(",", parts) + "}";
    }

    private static void field(List<String> parts, String name, String value) {
        parts.add(q(name) + ":" + q(value));
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
