package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The no-show policy is data: loaded from the shipped TSV, versions only added, bad lines refused. */
@DemoPlatformTest
class NoShowRulesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    NoShowRules rules;
    @Autowired
    Clock clock;

    long institution(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    @Test
    void theDefaultPolicyIsLoadedFromTheShippedFileAndLoadingIsIdempotent() {
        List<NoShowRule> hospital = rules.inForce(institution("H001"), clock.instant());
        assertThat(hospital).extracting(NoShowRule::code).containsExactly("CANCEL_MONTH", "NO_SHOW_180D", "SAME_DAY_CANCEL_30D");
        NoShowRule noShow = hospital.get(1);
        assertThat(noShow.eventType()).isEqualTo(NoShowRule.EventType.NO_SHOW);
        assertThat(noShow.windowKind()).isEqualTo(NoShowRule.WindowKind.ROLLING_DAYS);
        assertThat(noShow.windowLength()).isEqualTo(180);
        assertThat(noShow.threshold()).isEqualTo(3);
        assertThat(noShow.penaltyDays()).isEqualTo(90);
        assertThat(noShow.scope()).isEqualTo(NoShowRule.Scope.COMMUNITY);
        assertThat(noShow.exemptions()).containsExactlyInAnyOrder("EMERGENCY", "HOSPITAL_FAULT");
        assertThat(noShow.basis()).contains("爽约 3 次");
        assertThat(hospital.get(0).penaltyKind()).isEqualTo(NoShowRule.PenaltyKind.UNTIL_MONTH_END);
        assertThat(rules.load(new ClassPathResource("org/openhqd/platform/appointments/no-show-policy.tsv"))).isZero();
    }

    @Test
    void aMalformedRuleLineIsRefusedNamingTheLine() {
        String tsv = "code\tinstitution\tcommunity\tevent\twindow\tthreshold\tpenalty\tscope\texemptions\teffective_from\teffective_to\tbasis\n"
                + "BAD\t\t\tNO_SHOW\tROLLING_DAYS\t3\tSUSPEND_DAYS 9\tCOMMUNITY\t\t2020-01-01\t\tx\n";
        assertThatThrownBy(() -> rules.load(new ByteArrayResource(tsv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2").hasMessageContaining("ROLLING_DAYS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM no_show_rule WHERE code = 'BAD'").query(Long.class).single()).isZero();
    }

}
