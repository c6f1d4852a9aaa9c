package org.openhqd.platform.appointments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The no-show policy as data. At start-up the rule files ({@code hqd.appointments.no-show-policy},
 * by default the shipped {@code no-show-policy.tsv}) are loaded into {@code no_show_rule}: a line
 * whose version is already there is skipped, so rules are only ever added, never rewritten, and a
 * penalty always points at the rule version that gave it. Adding a rule is a new line (or a row
 * inserted by an operator) — no Java change.
 */
@Service
public class NoShowRules implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NoShowRules.class);
    private static final int COLUMNS = 12;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Resource[] files;

    NoShowRules(JdbcClient jdbc, Clock clock,
                @Value("${hqd.appointments.no-show-policy:classpath:org/openhqd/platform/appointments/no-show-policy.tsv}") Resource[] files) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.files = files;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Resource file : files) {
            int added = load(file);
            log.info("no-show policy {}: {} new rule versions", file.getDescription(), added);
        }
    }

    /**
     * Loads the rule versions of a TSV file that are not yet in the table.
     *
     * @return how many were added
     * @throws IllegalArgumentException naming the line when a line is malformed
     */
    @Transactional
    public int load(Resource file) {
        int added = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false; // the column names
                    continue;
                }
                try {
                    added += insertIfNew(line.split("\t", -1)) ? 1 : 0;
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file.getFilename() + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return added;
    }

    private boolean insertIfNew(String[] c) {
        if (c.length != COLUMNS) {
            throw new IllegalArgumentException("expected " + COLUMNS + " tab-separated columns, found " + c.length);
        }
        String code = required(c[0], "code");
        Long institution = null;
        Long community = null;
        if (!c[1].isBlank()) {
            Optional<Map<String, Object>> i = jdbc.sql("SELECT id, community_id FROM institution WHERE code = :c").param("c", c[1].strip())
                    .query().listOfRows().stream().findFirst();
            if (i.isEmpty()) {
                // an institution created later (or demo data loading after us): picked up at the next start
                log.warn("no-show rule {} names unknown institution {}; skipped", code, c[1]);
                return false;
            }
            institution = ((Number) i.get().get("id")).longValue();
            community = ((Number) i.get().get("community_id")).longValue();
        } else if (!c[2].isBlank()) {
            Optional<Long> cm = jdbc.sql("SELECT id FROM community WHERE code = :c").param("c", c[2].strip()).query(Long.class).optional();
            if (cm.isEmpty()) {
                log.warn("no-show rule {} names unknown community {}; skipped", code, c[2]);
                return false;
            }
            community = cm.get();
        }
        NoShowRule.EventType event = NoShowRule.EventType.valueOf(required(c[3], "event"));
        String[] window = required(c[4], "window").split("\\s+");
        NoShowRule.WindowKind windowKind = NoShowRule.WindowKind.valueOf(window[0]);
        Integer windowLength = lengthOf(window, windowKind != NoShowRule.WindowKind.CALENDAR_MONTH, "window");
        int threshold = Integer.parseInt(required(c[5], "threshold"));
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        String[] penalty = required(c[6], "penalty").split("\\s+");
        NoShowRule.PenaltyKind penaltyKind = NoShowRule.PenaltyKind.valueOf(penalty[0]);
        Integer penaltyDays = lengthOf(penalty, penaltyKind == NoShowRule.PenaltyKind.SUSPEND_DAYS, "penalty");
        NoShowRule.Scope scope = NoShowRule.Scope.valueOf(required(c[7], "scope"));
        String exemptions = Arrays.stream(c[8].split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> NoShowExcuses.Excuse.valueOf(s).name()).collect(Collectors.joining(","));
        LocalDate from = LocalDate.parse(required(c[9], "effective_from"));
        LocalDate to = c[10].isBlank() ? null : LocalDate.parse(c[10].strip());
        String basis = required(c[11], "basis");
        long existing = jdbc.sql("""
                        SELECT COUNT(*) FROM no_show_rule WHERE code = :code AND effective_from = :from
                           AND COALESCE(institution_id, -1) = :inst AND COALESCE(community_id, -1) = :community""")
                .param("code", code).param("from", from).param("inst", institution == null ? -1L : institution)
                .param("community", community == null ? -1L : community).query(Long.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO no_show_rule (code, community_id, institution_id, event_type, window_kind, window_length, threshold,
                                                  penalty_kind, penalty_days, scope, exemptions, effective_from, effective_to, basis, loaded_at)
                        VALUES (:code, :community, :inst, :event, :wk, :wl, :threshold, :pk, :pd, :scope, :ex, :from, :to, :basis, :now)""")
                .param("code", code).param("community", community, java.sql.Types.BIGINT).param("inst", institution, java.sql.Types.BIGINT)
                .param("event", event.name()).param("wk", windowKind.name()).param("wl", windowLength, java.sql.Types.INTEGER)
                .param("threshold", threshold).param("pk", penaltyKind.name()).param("pd", penaltyDays, java.sql.Types.INTEGER)
                .param("scope", scope.name()).param("ex", exemptions).param("from", from).param("to", to, java.sql.Types.DATE)
                .param("basis", basis).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        return true;
    }

    private static String required(String value, String column) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(column + " is required");
        }
        return value.strip();
    }

    private static Integer lengthOf(String[] parts, boolean needed, String column) {
        if (!needed) {
            if (parts.length != 1) {
                throw new IllegalArgumentException(column + " " + parts[0] + " takes no number");
            }
            return null;
        }
        if (parts.length != 2 || Integer.parseInt(parts[1]) < 1) {
            throw new IllegalArgumentException(column + " " + parts[0] + " needs a positive number, e.g. " + parts[0] + " 30");
        }
        return Integer.parseInt(parts[1]);
    }

    /**
     * The rules in force at an institution at an instant, one per code: the institution's own
     * version of a rule overrides its community's, which overrides the platform default.
     */
    public List<NoShowRule> inForce(long institutionId, Instant at) {
        LocalDate date = at.atZone(NoShowRule.CHINA).toLocalDate();
        List<NoShowRule> candidates = jdbc.sql("""
                        SELECT r.* FROM no_show_rule r, institution i
                         WHERE i.id = :inst AND (r.institution_id = i.id
                               OR (r.institution_id IS NULL AND (r.community_id = i.community_id OR r.community_id IS NULL)))
                         ORDER BY r.code, r.id""")
                .param("inst", institutionId).query(NoShowRules::rule).list();
        Map<String, NoShowRule> byCode = new LinkedHashMap<>();
        candidates.stream().filter(r -> r.inForce(date))
                .sorted(Comparator.comparingInt(NoShowRule::specificity).reversed())
                .forEach(r -> byCode.putIfAbsent(r.code(), r));
        return byCode.values().stream().sorted(Comparator.comparing(NoShowRule::code)).toList();
    }

    /** Every rule version in force today that can apply in a community (platform, community and its institutions' rules). */
    public List<NoShowRule> inForceInCommunity(Long communityId) {
        LocalDate today = LocalDate.now(clock.withZone(NoShowRule.CHINA));
        return jdbc.sql("SELECT * FROM no_show_rule WHERE (:community < 0 OR community_id IS NULL OR community_id = :community) "
                        + "ORDER BY code, institution_id NULLS FIRST, effective_from")
                .param("community", communityId == null ? -1L : communityId)
                .query(NoShowRules::rule).list().stream().filter(r -> r.inForce(today)).toList();
    }

    public Optional<NoShowRule> byId(long id) {
        return jdbc.sql("SELECT * FROM no_show_rule WHERE id = :id").param("id", id).query(NoShowRules::rule).optional();
    }

    static NoShowRule rule(ResultSet rs, int n) throws SQLException {
        String exemptions = rs.getString("exemptions");
        return new NoShowRule(rs.getLong("id"), rs.getString("code"), rs.getObject("community_id", Long.class),
                rs.getObject("institution_id", Long.class), NoShowRule.EventType.valueOf(rs.getString("event_type")),
                NoShowRule.WindowKind.valueOf(rs.getString("window_kind")), rs.getObject("window_length", Integer.class),
                rs.getInt("threshold"), NoShowRule.PenaltyKind.valueOf(rs.getString("penalty_kind")),
                rs.getObject("penalty_days", Integer.class), NoShowRule.Scope.valueOf(rs.getString("scope")),
                exemptions.isEmpty() ? Set.of() : Set.of(exemptions.split(",")), rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class), rs.getString("basis"));
    }
}
