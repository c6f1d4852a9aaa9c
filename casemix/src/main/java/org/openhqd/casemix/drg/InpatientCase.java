package org.openhqd.casemix.drg;

import java.util.ArrayList;
import java.util.List;

/**
 * One discharge as the grouper reads it (the fields of the 医保结算清单 / 病案首页 that grouping
 * uses). Numbers are kept as the text that was submitted because the insurance bureau's grouper
 * judges that text: an empty age is 0, {@code 3.9} is 3, {@code 45岁} makes the case invalid.
 *
 * @param caseId the case's identifier (病案号 or settlement id)
 * @param sex {@code 1} male, {@code 2} female (also {@code 1.0}, {@code 男}, {@code 女})
 * @param age age in years
 * @param ageDays age in days (for infants)
 * @param birthWeight birth weight in grams (newborns)
 * @param dept department code (not used by CHS-DRG rules)
 * @param los length of stay in days
 * @param dischargeType 离院方式 (not used by CHS-DRG rules)
 * @param diagnoses diagnosis codes, principal first
 * @param procedures procedure codes, principal first
 */
public record InpatientCase(String caseId, String sex, String age, String ageDays, String birthWeight,
                            String dept, String los, String dischargeType,
                            List<String> diagnoses, List<String> procedures) {

    public InpatientCase {
        caseId = orEmpty(caseId);
        sex = orEmpty(sex);
        age = orEmpty(age);
        ageDays = orEmpty(ageDays);
        birthWeight = orEmpty(birthWeight);
        dept = orEmpty(dept);
        los = orEmpty(los);
        dischargeType = orEmpty(dischargeType);
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Splits a diagnosis or procedure field of the case CSV: items are separated by {@code |}
     * (and by {@code ,}, which the reference grouper also accepts); empty items are kept, an empty
     * field is an empty list.
     */
    public static List<String> splitCodes(String field) {
        if (field == null || field.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(8);
        int start = 0;
        int n = field.length();
        for (int i = 0; i < n; i++) {
            char ch = field.charAt(i);
            if (ch == '|' || ch == ',') {
                out.add(field.substring(start, i));
                start = i + 1;
            }
        }
        out.add(field.substring(start));
        return out;
    }

    public static Builder builder(String caseId) {
        return new Builder(caseId);
    }

    /** Convenience for building cases in code (tests, integrations) with typed values. */
    public static final class Builder {
        private final String caseId;
        private String sex = "";
        private String age = "";
        private String ageDays = "";
        private String birthWeight = "";
        private String dept = "";
        private String los = "";
        private String dischargeType = "";
        private List<String> diagnoses = List.of();
        private List<String> procedures = List.of();

        private Builder(String caseId) {
            this.caseId = caseId;
        }

        public Builder sex(String sex) {
            this.sex = sex;
            return this;
        }

        public Builder male() {
            return sex("1");
        }

        public Builder female() {
            return sex("2");
        }

        public Builder age(int years) {
            this.age = Integer.toString(years);
            return this;
        }

        public Builder age(String years) {
            this.age = years;
            return this;
        }

        public Builder ageDays(int days) {
            this.ageDays = Integer.toString(days);
            return this;
        }

        public Builder ageDays(String days) {
            this.ageDays = days;
            return this;
        }

        public Builder birthWeight(int grams) {
            this.birthWeight = Integer.toString(grams);
            return this;
        }

        public Builder birthWeight(String grams) {
            this.birthWeight = grams;
            return this;
        }

        public Builder dept(String dept) {
            this.dept = dept;
            return this;
        }

        public Builder los(int days) {
            this.los = Integer.toString(days);
            return this;
        }

        public Builder los(String days) {
            this.los = days;
            return this;
        }

        public Builder dischargeType(String type) {
            this.dischargeType = type;
            return this;
        }

        public Builder diagnoses(String... codes) {
            this.diagnoses = List.of(codes);
            return this;
        }

        public Builder procedures(String... codes) {
            this.procedures = List.of(codes);
            return this;
        }

        public InpatientCase build() {
            return new InpatientCase(caseId, sex, age, ageDays, birthWeight, dept, los, dischargeType,
                    diagnoses, procedures);
        }
    }
}
