package org.openhqd.quality.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.synthetic.CaseGenerator;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;

/**
 * Seeded generator of synthetic settlement-list records for one hospital and one year — no real
 * person's data. Codes come from {@link CaseGenerator} (realistic for the scheme); on top of them a
 * record gets the department that treats its MDC (surgical or medical side), one of that
 * department's doctors, a coder, admission and discharge times inside the year, a cost that follows
 * the kind of group, its complication level and the stay (with department and doctor habits, so
 * departments and doctors differ), the fee breakdown, insurance type and fund share, a valid
 * synthetic identity number, and the coding errors real exports carry (symptom as principal, a
 * missing procedure date or incision class, a stay that does not match the dates, a breakdown that
 * does not add up, a missing coder) at about the rates a county hospital's 质控办 sees.
 */
public final class DischargeGenerator {

    /** A clinical department: code, name, and its cost habit (1 = average). */
    public record Department(String code, String name, double costFactor, int doctors) {
    }

    private static final Map<Character, String[]> BY_MDC = Map.ofEntries(
            Map.entry('A', new String[] {"ICU", "ICU"}), Map.entry('B', new String[] {"SJWK", "SJNK"}),
            Map.entry('C', new String[] {"YK", "YK"}), Map.entry('D', new String[] {"EBHK", "EBHK"}),
            Map.entry('E', new String[] {"XWK", "HXNK"}), Map.entry('F', new String[] {"XWK", "XXGNK"}),
            Map.entry('G', new String[] {"PWK", "XHNK"}), Map.entry('H', new String[] {"PWK", "XHNK"}),
            Map.entry('I', new String[] {"GK", "GK"}), Map.entry('J', new String[] {"PWK", "PFK"}),
            Map.entry('K', new String[] {"PWK", "NFMK"}), Map.entry('L', new String[] {"MNWK", "SNK"}),
            Map.entry('M', new String[] {"MNWK", "MNWK"}), Map.entry('N', new String[] {"FK", "FK"}),
            Map.entry('O', new String[] {"CK", "CK"}), Map.entry('P', new String[] {"XSEK", "XSEK"}),
            Map.entry('Q', new String[] {"XYK", "XYK"}), Map.entry('R', new String[] {"ZLK", "ZLK"}),
            Map.entry('S', new String[] {"GRK", "GRK"}), Map.entry('T', new String[] {"JSK", "JSK"}),
            Map.entry('U', new String[] {"JSK", "JSK"}), Map.entry('V', new String[] {"GK", "JZK"}),
            Map.entry('W', new String[] {"PWK", "PWK"}), Map.entry('X', new String[] {"QKYXK", "QKYXK"}),
            Map.entry('Y', new String[] {"GRK", "GRK"}), Map.entry('Z', new String[] {"GK", "GK"}));

    /** The departments of the demo county hospital (出院科别). */
    public static final List<Department> DEPARTMENTS = List.of(
            new Department("ICU", "重症医学科", 1.15, 3), new Department("SJWK", "神经外科", 1.05, 4),
            new Department("SJNK", "神经内科", 0.95, 5), new Department("YK", "眼科", 0.9, 3),
            new Department("EBHK", "耳鼻咽喉科", 0.95, 3), new Department("XWK", "胸心外科", 1.1, 3),
            new Department("HXNK", "呼吸与危重症医学科", 1.05, 6), new Department("XXGNK", "心血管内科", 1.0, 6),
            new Department("PWK", "普外科", 1.0, 6), new Department("XHNK", "消化内科", 0.92, 5),
            new Department("GK", "骨科", 1.2, 6), new Department("PFK", "皮肤科", 0.9, 2),
            new Department("NFMK", "内分泌科", 0.95, 3), new Department("SNK", "肾内科", 1.05, 3),
            new Department("MNWK", "泌尿外科", 1.0, 4), new Department("FK", "妇科", 0.95, 4),
            new Department("CK", "产科", 0.85, 4), new Department("XSEK", "新生儿科", 1.0, 3),
            new Department("XYK", "血液科", 1.1, 2), new Department("ZLK", "肿瘤科", 1.08, 4),
            new Department("GRK", "感染性疾病科", 0.97, 3), new Department("JSK", "精神心理科", 0.9, 2),
            new Department("JZK", "急诊科", 1.0, 3), new Department("QKYXK", "全科医学科", 0.88, 3));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"伟", "芳", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞",
            "平", "刚", "桂英", "建华", "志强", "晓燕", "海燕", "文博", "子涵"};
    private static final String[] CODERS = {"编码员周", "编码员吴", "编码员郑", "编码员冯"};
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CaseGenerator cases;
    private final DrgGrouper grouper;
    private final Scheme scheme;
    private final SplittableRandom random;
    private final String institution;
    private final String casePrefix;
    private final LocalDate first;
    private final int days;
    private long count;

    /**
     * @param scheme the scheme the codes come from
     * @param seed same seed, same records in the same order
     * @param institution the institution code written into each record
     * @param casePrefix case ids are this prefix and a running number
     * @param year discharges fall inside this calendar year
     */
    public DischargeGenerator(Scheme scheme, long seed, String institution, String casePrefix, int year) {
        this.scheme = scheme;
        this.cases = new CaseGenerator(scheme, seed);
        this.grouper = DrgGrouper.of(scheme);
        this.random = new SplittableRandom(seed * 31 + 7);
        this.institution = institution;
        this.casePrefix = casePrefix;
        this.first = LocalDate.of(year, 1, 1);
        this.days = first.lengthOfYear();
    }

    /**
     * The share of the case generator's deaths kept for a case of this ADRG and severity: deaths concentrate
     * in the severe groups (MCC) and in some ADRGs — a factor per ADRG, log-normal around 1 and stable
     * across generators, leaves many groups with almost no deaths, as in real data, so that the low-risk
     * groups' mortality is low, not the average with noise.
     */
    static double deathKept(String adrg, char suffix) {
        double z = new SplittableRandom(adrg.hashCode() * 0x9E3779B97F4A7C15L).nextGaussian();
        return Math.min(1.0, (suffix == '1' ? 1.0 : 0.2) * Math.exp(1.5 * z - 0.6));
    }

    /** The doctor names of a department (stable: the same for every generator). */
    public static List<String> doctors(Department d) {
        List<String> out = new ArrayList<>();
        int h = Math.abs(d.code().hashCode());
        for (int i = 0; i < d.doctors(); i++) {
            out.add(SURNAMES[(h + i * 7) % SURNAMES.length] + GIVEN[(h / 3 + i * 5) % GIVEN.length]);
        }
        return out;
    }

    public static Department department(String code) {
        return DEPARTMENTS.stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    public DischargeRecord next() {
        count++;
        InpatientCase c = cases.next();
        GroupingResult g = grouper.group(c);
        String adrg = g.adrg() == null ? "" : g.adrg();
        char mdc = g.mdc() == null || g.mdc().isEmpty() ? 'X' : g.mdc().charAt(g.mdc().length() - 1);
        boolean surgical = adrg.length() > 1 && adrg.charAt(1) >= 'A' && adrg.charAt(1) <= 'J';
        boolean nonOr = adrg.length() > 1 && adrg.charAt(1) >= 'K' && adrg.charAt(1) <= 'Q';
        String[] pair = BY_MDC.getOrDefault(mdc, BY_MDC.get('X'));
        Department dept = department(surgical ? pair[0] : pair[1]);
        List<String> doctors = doctors(dept);
        int doctorIndex = random.nextInt(doctors.size());
        String doctor = doctors.get(doctorIndex);

        int los = Math.max(0, Integer.parseInt(c.los().strip()) - (random.nextInt(100) < 20 ? 1 : 0));
        LocalDate dischargeDay = first.plusDays(random.nextInt(days));
        LocalDateTime discharged = dischargeDay.atTime(8 + random.nextInt(10), random.nextInt(60));
        LocalDateTime admitted = dischargeDay.minusDays(los).atTime(random.nextInt(24), random.nextInt(60));
        if (los == 0 && admitted.isAfter(discharged)) {
            admitted = discharged.minusHours(3);
        }

        // cost: the kind of group, its complication level, the stay, and the department's and doctor's habits
        String drg = g.drg() == null ? "" : g.drg();
        char suffix = drg.length() == 4 ? drg.charAt(3) : '5';
        double adrgFactor = 0.55 + Math.floorMod(adrg.hashCode(), 150) / 100.0;
        double base = surgical ? 16000 : nonOr ? 9000 : 5200;
        double severity = suffix == '1' ? 1.75 : suffix == '3' ? 1.3 : 1.0;
        double doctorFactor = 0.88 + 0.08 * doctorIndex;
        double cost = base * adrgFactor * severity * (0.55 + 0.075 * Math.min(los, 40)) * dept.costFactor() * doctorFactor
                * Math.exp(random.nextGaussian() * 0.3);
        if (random.nextInt(1000) < 15) {
            cost *= 3.5; // a complicated stay: a high-cost outlier
        } else if (random.nextInt(1000) < 25) {
            cost *= 0.25; // left early: a low-cost outlier
        }
        BigDecimal total = BigDecimal.valueOf(Math.max(300, cost)).setScale(2, RoundingMode.HALF_UP);
        double drugShare = surgical ? 0.22 : 0.34;
        double materialShare = surgical ? 0.3 : 0.08;
        BigDecimal drugCost = share(total, drugShare + random.nextGaussian() * 0.03);
        BigDecimal materialCost = share(total, materialShare + random.nextGaussian() * 0.02);
        BigDecimal examCost = share(total, 0.2 + random.nextGaussian() * 0.02);
        BigDecimal serviceCost = share(total, 0.2 + random.nextGaussian() * 0.02);
        BigDecimal other = total.subtract(drugCost).subtract(materialCost).subtract(examCost).subtract(serviceCost);
        if (other.signum() < 0) {
            serviceCost = serviceCost.add(other);
            other = BigDecimal.ZERO.setScale(2);
        }
        int insuranceRoll = random.nextInt(100);
        String insurance = insuranceRoll < 38 ? "职工" : insuranceRoll < 95 ? "居民" : "自费";
        BigDecimal fund = switch (insurance) {
            case "职工" -> share(total, 0.72);
            case "居民" -> share(total, 0.58);
            default -> BigDecimal.ZERO.setScale(2);
        };

        String dischargeType = c.dischargeType();
        if ("5".equals(dischargeType) && random.nextDouble() >= deathKept(adrg, suffix)) {
            dischargeType = "1";
        }

        List<Diagnosis> dx = new ArrayList<>();
        for (int i = 0; i < c.diagnoses().size(); i++) {
            String code = c.diagnoses().get(i);
            String name = scheme.diagnosisName(code.strip()).orElse("");
            dx.add(new Diagnosis(code, name, i == 0 ? "1" : random.nextInt(100) < 85 ? "1" : "2"));
        }
        List<Procedure> px = new ArrayList<>();
        for (int i = 0; i < c.procedures().size(); i++) {
            String code = c.procedures().get(i);
            boolean operation = scheme.isValidProcedure(code);
            String date = admitted.toLocalDate().plusDays(los == 0 ? 0 : random.nextInt(los + 1)).toString();
            px.add(new Procedure(code, scheme.procedureName(code).orElse(""), date,
                    operation ? Integer.toString(1 + random.nextInt(4)) : "",
                    operation ? Integer.toString(1 + random.nextInt(2)) : "", operation ? "1" : "",
                    operation ? (random.nextBoolean() ? "全身麻醉" : "椎管内麻醉") : ""));
        }
        String coder = CODERS[random.nextInt(CODERS.length)];
        String losText = Integer.toString(los);
        String age = c.age();
        // 年龄不足1周岁的年龄（天）: the settlement list fills it for infants only (the CHS-DRG 1.1 samples the case
        // generator follows carry it for adults too)
        String ageDays = age.isBlank() || age.strip().equals("0") ? c.ageDays() : "";

        // coding errors at about the rates a county 质控办 sees; the last coder is the careless one
        int roll = random.nextInt(1000) - (coder.equals(CODERS[3]) ? 40 : 0);
        if (roll < 20 && dx.size() > 1) {
            dx.add(0, new Diagnosis("R10.400", "腹痛，其他和未特指的", "1")); // a symptom as principal while definite diagnoses exist
        } else if (roll < 35 && !px.isEmpty()) {
            Procedure p = px.get(0);
            px.set(0, new Procedure(p.code(), p.name(), "", p.level(), p.incisionClass(), p.healingGrade(), p.anaesthesia()));
        } else if (roll < 50) {
            losText = Integer.toString(los + 2); // stay does not match the dates
        } else if (roll < 60) {
            other = other.add(new BigDecimal("120.00")); // breakdown does not add up
        } else if (roll < 70) {
            coder = "";
        } else if (roll < 85 && px.size() > 1) {
            px.add(px.remove(0)); // the operation listed after a minor procedure
        }

        String caseId = casePrefix + String.format("%08d", count);
        return new DischargeRecord(caseId, idNumber(c, dischargeDay), institution, dept.name(), doctor, coder,
                admitted.format(MINUTE), discharged.format(MINUTE), losText, c.sex(), age, ageDays, c.birthWeight(), "",
                dischargeType, "2".equals(dischargeType) || "3".equals(dischargeType) ? "县中医院" : "",
                random.nextInt(100) < 45 ? "1" : "2", dx, px, total.toPlainString(), drugCost.toPlainString(),
                materialCost.toPlainString(), examCost.toPlainString(), serviceCost.toPlainString(), other.toPlainString(),
                insurance, fund.toPlainString());
    }

    private static BigDecimal share(BigDecimal total, double share) {
        return total.multiply(BigDecimal.valueOf(Math.max(0.0, Math.min(0.6, share)))).setScale(2, RoundingMode.HALF_UP);
    }

    /** A synthetic 18-digit identity number with a valid check character (region 3301xx, not a real person). */
    private String idNumber(InpatientCase c, LocalDate discharged) {
        int years = 30;
        try {
            years = Integer.parseInt(c.age().replaceAll("[^0-9]", ""));
        } catch (NumberFormatException ignored) {
            // the generator's own noise ("45岁" is kept, its digits read)
        }
        LocalDate birth = discharged.minusYears(years).minusDays(random.nextInt(365));
        String first17 = String.format("3301%02d%s%03d", 1 + random.nextInt(9), birth.toString().replace("-", ""),
                random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
