package org.openhqd.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Finding;
import org.openhqd.quality.GroupOutcome;
import org.openhqd.quality.Procedure;
import org.openhqd.quality.QcReport;
import org.openhqd.quality.QualityChecker;
import org.openhqd.quality.Severity;
import org.openhqd.quality.synthetic.DischargeGenerator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads N synthetic discharges of one institution straight into {@code drg_case} on PostgreSQL
 * (COPY), for the analytics latency benchmark when the import API is not to be measured: each
 * record is generated ({@link DischargeGenerator}), checked and grouped exactly as an import does
 * ({@link QualityChecker}), and priced the way the payment step would (per DRG from this year's own
 * cases: RW = DRG mean cost ÷ overall mean, benchmark cost and stay = the DRG's means, mortality
 * risk levels by the z-score of ln(mortality), payment = RW × overall mean, high/low outliers at
 * 3×/2×/1.5× by weight tier and 0.4×). Two passes over the same seeded records: the first gathers
 * the per-DRG figures, the second writes the rows with them, so no million-row UPDATE follows.
 *
 * <p>Not the platform's import: the identity number is stored masked only (the platform's cipher
 * key is not here) and QC findings are counted on the case but not written as rows. The cube is
 * not rebuilt here; the script asks the running server to (POST /api/v1/drg/analytics/rebuild).
 *
 * <pre>
 * java -cp benchmarks.jar org.openhqd.benchmarks.DrgCaseLoader --url jdbc:postgresql://127.0.0.1:5432/db
 *      [--user postgres] [--password ''] [--institution H001] [--rows 1000000] [--year 2025] [--seed 1] [--prefix BENCH-]
 * </pre>
 */
public final class DrgCaseLoader {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String SCHEME = "chs-drg-1.1";
    private static final int CHUNK = 5000;

    /** Per DRG: cases, Σ cost, Σ stay (cases with a stay), cases with a stay, deaths. */
    private static final class Stats {
        long n;
        double cost;
        double los;
        long losCases;
        long deaths;
    }

    /** What the payment step would have written for a DRG. */
    private record Price(BigDecimal rw, BigDecimal benchCost, BigDecimal benchLos, int risk) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("--user", "postgres", "--password", "", "--institution", "H001",
                "--rows", "1000000", "--year", Integer.toString(LocalDate.now().getYear() - 1), "--seed", "1",
                "--prefix", "BENCH-"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (!a.containsKey("--url")) {
            System.err.println("usage: DrgCaseLoader --url jdbc:postgresql://host:5432/db [--rows N] [--institution H001] [--year Y]");
            System.exit(2);
        }
        int rows = Integer.parseInt(a.get("--rows"));
        int year = Integer.parseInt(a.get("--year"));
        long seed = Long.parseLong(a.get("--seed"));
        String prefix = a.get("--prefix");
        Scheme scheme = SchemeCatalog.builtIn().get(SCHEME);
        QualityChecker checker = QualityChecker.of(DrgGrouper.of(scheme));

        long t0 = System.nanoTime();
        // pass 1: the per-DRG figures of this year's cases (the "reference population" of the weights)
        Map<String, Stats> stats = new HashMap<>();
        DischargeGenerator g1 = new DischargeGenerator(scheme, seed, a.get("--institution"), prefix, year);
        for (int i = 0; i < rows; i++) {
            DischargeRecord r = g1.next();
            GroupOutcome g = checker.check(r).group();
            if (!"ok".equals(g.status())) {
                continue;
            }
            Stats s = stats.computeIfAbsent(g.drg(), k -> new Stats());
            s.n++;
            BigDecimal cost = amount(r.totalCost());
            s.cost += cost == null ? 0 : cost.doubleValue();
            Integer los = integer(r.los());
            if (los != null) {
                s.los += los;
                s.losCases++;
            }
            s.deaths += "5".equals(r.dischargeType()) ? 1 : 0;
        }
        Map<String, Price> prices = prices(stats);
        double overall = stats.values().stream().mapToDouble(s -> s.cost).sum() / stats.values().stream().mapToLong(s -> s.n).sum();
        BigDecimal baseRate = BigDecimal.valueOf(overall).setScale(2, RoundingMode.HALF_UP);
        long t1 = System.nanoTime();
        System.out.printf("pass 1 (generate, check, group %,d cases; %d DRGs): %.1f s%n", rows, prices.size(), (t1 - t0) / 1e9);

        try (Connection c = DriverManager.getConnection(a.get("--url"), a.get("--user"), a.get("--password"))) {
            c.setAutoCommit(false);
            long institution;
            long community;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, community_id FROM institution WHERE code = ?")) {
                ps.setString(1, a.get("--institution"));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no institution " + a.get("--institution"));
                    }
                    institution = rs.getLong(1);
                    community = rs.getLong(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM drg_case WHERE institution_id = ? AND case_id LIKE ?")) {
                ps.setLong(1, institution);
                ps.setString(2, prefix + "%");
                ps.executeUpdate();
            }
            long batch;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO drg_import_batch (community_id, institution_id, file_name, format, status, rows_read,
                           rows_accepted, cases_inserted, started_by, started_at, finished_at)
                    VALUES (?, ?, 'DrgCaseLoader (benchmark)', 'CSV', 'COMMITTED', ?, ?, ?, 'benchmark', now(), now())
                    RETURNING id""")) {
                ps.setLong(1, community);
                ps.setLong(2, institution);
                ps.setLong(3, rows);
                ps.setLong(4, rows);
                ps.setLong(5, rows);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    batch = rs.getLong(1);
                }
            }
            // ids in blocks of 1,000 from the platform's sequence, all taken before the COPY holds the connection
            List<Long> blocks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT nextval('drg_case_ids') FROM generate_series(1, ?)")) {
                ps.setInt(1, (rows + 999) / 1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        blocks.add(rs.getLong(1));
                    }
                }
            }
            // pass 2: the same records again, written with their prices
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY drg_case (id, institution_id, case_id, batch_id, patient_id_masked, department, attending_doctor, coder,
                         admission_time, discharge_time, discharge_month, los, sex, age, age_days, discharge_type, insurance_type,
                         principal_dx, principal_proc, total_cost, drug_cost, material_cost, examination_cost, service_cost,
                         other_cost, fund_payment, source_record, scheme_id, scheme_version, group_status, mdc, adrg, drg,
                         grouped_at, qc_errors, qc_warnings, qc_infos, qc_group_changes, rw, benchmark_cost, benchmark_los,
                         risk_level, base_rate, expected_payment, profit_loss, outlier)
                    FROM STDIN (FORMAT csv)""");
            DischargeGenerator g2 = new DischargeGenerator(scheme, seed, a.get("--institution"), prefix, year);
            String version = scheme.info().version();
            StringBuilder out = new StringBuilder(1 << 20);
            for (int i = 0; i < rows; i++) {
                DischargeRecord r = g2.next();
                QcReport report = checker.check(r);
                row(out, blocks.get(i / 1000) + i % 1000, institution, batch, r, report, version, prices, baseRate);
                if ((i + 1) % CHUNK == 0 || i == rows - 1) {
                    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    out.setLength(0);
                }
            }
            long written = copy.endCopy();
            c.commit();
            long t2 = System.nanoTime();
            System.out.printf("pass 2 (generate, check, group, COPY %,d cases): %.1f s%n", written, (t2 - t1) / 1e9);
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE drg_case");
            }
            System.out.printf("institution %s (id %d): %,d cases of %d loaded in %.1f s%n", a.get("--institution"), institution,
                    written, year, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** RW, benchmarks and mortality risk levels per DRG (risk: ln(m) z-score over DRGs with deaths; 0 without deaths). */
    private static Map<String, Price> prices(Map<String, Stats> stats) {
        double overall = stats.values().stream().mapToDouble(s -> s.cost).sum() / stats.values().stream().mapToLong(s -> s.n).sum();
        List<Double> logs = new ArrayList<>();
        for (Stats s : stats.values()) {
            if (s.deaths > 0) {
                logs.add(Math.log((double) s.deaths / s.n));
            }
        }
        double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sd = Math.sqrt(logs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / Math.max(1, logs.size() - 1));
        Map<String, Price> out = new HashMap<>();
        stats.forEach((drg, s) -> {
            double meanCost = s.cost / s.n;
            int risk = 0;
            if (s.deaths > 0) {
                double z = sd == 0 ? 0 : (Math.log((double) s.deaths / s.n) - mean) / sd;
                risk = z < -1 ? 1 : z < 0 ? 2 : z < 1 ? 3 : 4;
            }
            out.put(drg, new Price(BigDecimal.valueOf(meanCost / overall).setScale(4, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(meanCost).setScale(2, RoundingMode.HALF_UP),
                    s.losCases == 0 || s.los == 0 ? null : BigDecimal.valueOf(s.los / s.losCases).setScale(2, RoundingMode.HALF_UP),
                    risk));
        });
        return out;
    }

    private static void row(StringBuilder out, long id, long institution, long batch, DischargeRecord r, QcReport report,
                            String version, Map<String, Price> prices, BigDecimal baseRate) {
        GroupOutcome g = report.group();
        int errors = 0, warnings = 0, infos = 0, changes = 0;
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.ERROR) {
                errors++;
            } else if (f.severity() == Severity.WARNING) {
                warnings++;
            } else {
                infos++;
            }
            if (f.regrouping() != null && f.regrouping().changesGroup()) {
                changes++;
            }
        }
        LocalDateTime admitted = dateTime(r.admissionTime());
        LocalDateTime discharged = dateTime(r.dischargeTime());
        BigDecimal cost = amount(r.totalCost());
        Price p = "ok".equals(g.status()) ? prices.get(g.drg()) : null;
        BigDecimal payment = p == null ? null : p.rw().multiply(baseRate).setScale(2, RoundingMode.HALF_UP);
        String outlier = null;
        if (p != null && cost != null) {
            double ratio = cost.doubleValue() / p.benchCost().doubleValue();
            double high = p.rw().doubleValue() <= 1 ? 3 : p.rw().doubleValue() <= 2 ? 2 : 1.5;
            outlier = ratio > high ? "HIGH" : ratio < 0.4 ? "LOW" : "NORMAL";
        }
        // grouped_at is 'now', PostgreSQL's input for the transaction's time
        String idNumber = r.patientIdNumber() == null ? "" : r.patientIdNumber().strip();
        Object[] v = {id, institution, r.caseId(), batch, idNumber.length() < 8 ? null : mask(idNumber), cut(r.department(), 64),
                cut(r.attendingDoctor(), 64), cut(r.coder(), 64), admitted, discharged,
                discharged == null ? null : discharged.toLocalDate().toString().substring(0, 7), integer(r.los()),
                cut(r.sex(), 2), integer(r.age()), integer(r.ageDays()), cut(r.dischargeType(), 2), cut(r.insuranceType(), 16),
                r.diagnoses().isEmpty() ? null : cut(r.diagnoses().get(0).code(), 16),
                r.procedures().isEmpty() ? null : cut(r.procedures().get(0).code(), 16), cost, amount(r.drugCost()),
                amount(r.materialCost()), amount(r.examinationCost()), amount(r.serviceCost()), amount(r.otherCost()),
                amount(r.fundPayment()), encode(r), SCHEME, version, g.status(), empty(g.mdc()), empty(g.adrg()), empty(g.drg()),
                "now", errors, warnings, infos, changes, p == null ? null : p.rw(), p == null ? null : p.benchCost(),
                p == null ? null : p.benchLos(), p == null ? null : p.risk(), p == null ? null : baseRate, payment,
                payment == null || cost == null ? null : payment.subtract(cost), outlier};
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object o = v[i];
            if (o == null) {
                continue; // unquoted empty: NULL
            }
            if (o instanceof String s) {
                out.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else if (o instanceof BigDecimal b) {
                out.append(b.toPlainString());
            } else {
                out.append(o);
            }
        }
        out.append('\n');
    }

    /** As the platform's CaseRecordCodec writes the submitted record (unit 0x1F, item 0x1D, line 0x1E). */
    static String encode(DischargeRecord r) {
        StringBuilder b = new StringBuilder(256);
        String[] scalars = {r.caseId(), r.institution(), r.department(), r.attendingDoctor(), r.coder(), r.admissionTime(),
                r.dischargeTime(), r.los(), r.sex(), r.age(), r.ageDays(), r.birthWeight(), r.admissionWeight(), r.dischargeType(),
                r.transferInstitution(), r.admissionRoute(), r.totalCost(), r.drugCost(), r.materialCost(), r.examinationCost(),
                r.serviceCost(), r.otherCost(), r.insuranceType(), r.fundPayment()};
        for (String s : scalars) {
            b.append(clean(s)).append('\u001F');
        }
        for (int i = 0; i < r.diagnoses().size(); i++) {
            Diagnosis d = r.diagnoses().get(i);
            b.append(i > 0 ? "\u001E" : "").append(clean(d.code())).append('\u001D').append(clean(d.name())).append('\u001D')
                    .append(clean(d.admissionCondition()));
        }
        b.append('\u001F');
        for (int i = 0; i < r.procedures().size(); i++) {
            Procedure p = r.procedures().get(i);
            b.append(i > 0 ? "\u001E" : "").append(clean(p.code())).append('\u001D').append(clean(p.name())).append('\u001D')
                    .append(clean(p.date())).append('\u001D').append(clean(p.level())).append('\u001D')
                    .append(clean(p.incisionClass())).append('\u001D').append(clean(p.healingGrade())).append('\u001D')
                    .append(clean(p.anaesthesia()));
        }
        return b.toString();
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            b.append(c < 0x20 ? ' ' : c);
        }
        return b.toString();
    }

    private static String mask(String v) {
        return v.substring(0, 3) + "*".repeat(v.length() - 7) + v.substring(v.length() - 4);
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String cut(String s, int width) {
        return s == null ? null : s.length() <= width ? s : s.substring(0, width);
    }

    private static LocalDateTime dateTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), MINUTE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(String text) {
        if (text == null || text.isBlank() || !text.strip().matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip()).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private DrgCaseLoader() {
    }

    static {
        // fail early with a clear message when the driver is missing from the class path
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("PostgreSQL JDBC driver not on the class path", e);
        }
    }
}
