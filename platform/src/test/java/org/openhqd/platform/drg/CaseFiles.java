package org.openhqd.platform.drg;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;
import org.openhqd.quality.synthetic.DischargeGenerator;

/** Synthetic case files for import tests: Chinese numbered columns or English joined ones. */
final class CaseFiles {

    static final int DX = 4;
    static final int PX = 3;

    private CaseFiles() {
    }

    /** {@code n} synthetic records of the demo county hospital, case ids {@code prefix} + number. */
    static List<DischargeRecord> records(String prefix, int n, long seed) {
        var g = new DischargeGenerator(SchemeCatalog.builtIn().get("chs-drg-1.1"), seed, "H001", prefix, 2025);
        List<DischargeRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.next());
        }
        return out;
    }

    /** The Chinese header of a settlement-list export, numbered diagnosis and procedure columns. */
    static List<String> chineseHeader(boolean institution) {
        List<String> h = new ArrayList<>(List.of("病案号", "证件号码"));
        if (institution) {
            h.add("机构编码");
        }
        h.addAll(List.of("出院科别", "主诊医师", "编码员", "入院时间", "出院时间", "实际住院天数", "性别", "年龄", "年龄（天）",
                "新生儿出生体重", "新生儿入院体重", "离院方式", "拟接收机构", "入院途径", "主要诊断编码", "主要诊断名称", "主要诊断入院病情"));
        for (int i = 1; i < DX; i++) {
            h.addAll(List.of("其他诊断编码" + i, "其他诊断名称" + i, "其他诊断入院病情" + i));
        }
        h.addAll(List.of("主要手术操作编码", "主要手术操作名称", "主要手术操作日期", "主要手术级别", "主要手术切口类别", "主要手术愈合等级",
                "主要手术麻醉方式"));
        for (int i = 1; i < PX; i++) {
            h.addAll(List.of("手术操作编码" + i, "手术操作名称" + i, "手术操作日期" + i, "手术级别" + i, "切口类别" + i, "愈合等级" + i,
                    "麻醉方式" + i));
        }
        h.addAll(List.of("医疗费总额", "药品费", "耗材费", "检查检验费", "医疗服务费", "其他费", "医保类型", "统筹基金支付"));
        return h;
    }

    static List<String> chineseRow(DischargeRecord r, String institution) {
        List<String> c = new ArrayList<>(List.of(r.caseId(), r.patientIdNumber()));
        if (institution != null) {
            c.add(institution);
        }
        c.addAll(List.of(r.department(), r.attendingDoctor(), r.coder(), r.admissionTime(), r.dischargeTime(), r.los(), r.sex(),
                r.age(), r.ageDays(), r.birthWeight(), r.admissionWeight(), r.dischargeType(), r.transferInstitution(),
                r.admissionRoute()));
        for (int i = 0; i < DX; i++) {
            Diagnosis d = i < r.diagnoses().size() ? r.diagnoses().get(i) : new Diagnosis("", "", "");
            c.addAll(List.of(d.code(), d.name(), d.admissionCondition()));
        }
        for (int i = 0; i < PX; i++) {
            Procedure p = i < r.procedures().size() ? r.procedures().get(i) : Procedure.of("");
            c.addAll(List.of(p.code(), p.name(), p.date(), p.level(), p.incisionClass(), p.healingGrade(), p.anaesthesia()));
        }
        c.addAll(List.of(r.totalCost(), r.drugCost(), r.materialCost(), r.examinationCost(), r.serviceCost(), r.otherCost(),
                r.insuranceType(), r.fundPayment()));
        return c;
    }

    /** English field names, diagnoses and procedures joined by |, as the CLI's case CSV. */
    static List<String> englishHeader() {
        return List.of("case_id", "patient_id_number", "institution", "department", "attending_doctor", "coder", "admission_time",
                "discharge_time", "los", "sex", "age", "age_days", "birth_weight", "discharge_type", "admission_route",
                "diagnoses", "diagnosis_names", "diagnosis_conditions", "procedures", "procedure_dates", "procedure_levels",
                "procedure_incision_classes", "procedure_healing_grades", "procedure_anaesthesias", "total_cost", "drug_cost",
                "material_cost", "examination_cost", "service_cost", "other_cost", "insurance_type", "fund_payment");
    }

    static List<String> englishRow(DischargeRecord r) {
        return List.of(r.caseId(), r.patientIdNumber(), r.institution(), r.department(), r.attendingDoctor(), r.coder(),
                r.admissionTime(), r.dischargeTime(), r.los(), r.sex(), r.age(), r.ageDays(), r.birthWeight(), r.dischargeType(),
                r.admissionRoute(), join(r.diagnoses(), Diagnosis::code), join(r.diagnoses(), Diagnosis::name),
                join(r.diagnoses(), Diagnosis::admissionCondition), join(r.procedures(), Procedure::code),
                join(r.procedures(), Procedure::date), join(r.procedures(), Procedure::level),
                join(r.procedures(), Procedure::incisionClass), join(r.procedures(), Procedure::healingGrade),
                join(r.procedures(), Procedure::anaesthesia), r.totalCost(), r.drugCost(), r.materialCost(),
                r.examinationCost(), r.serviceCost(), r.otherCost(), r.insuranceType(), r.fundPayment());
    }

    static <T> String join(List<T> items, Function<T, String> f) {
        return String.join("|", items.stream().map(f).toList());
    }

    static String csvLine(List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            out.add(c.indexOf(',') >= 0 || c.indexOf('"') >= 0 ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        return String.join(",", out) + "\r\n";
    }

    static Path write(Path file, String text, Charset charset) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.getBytes(charset));
        }
        return file;
    }

    /** A records' file with Chinese headers and numbered columns (no institution column: the importer's own). */
    static String chineseCsv(List<DischargeRecord> records) {
        StringBuilder b = new StringBuilder(csvLine(chineseHeader(false)));
        for (DischargeRecord r : records) {
            b.append(csvLine(chineseRow(r, null)));
        }
        return b.toString();
    }

    /** Records with only the first diagnosis/procedure lines that fit the numbered columns. */
    static DischargeRecord fitted(DischargeRecord r) {
        return r.toBuilder().diagnoses(r.diagnoses().subList(0, Math.min(DX, r.diagnoses().size())))
                .procedures(r.procedures().subList(0, Math.min(PX, r.procedures().size()))).build();
    }
}
