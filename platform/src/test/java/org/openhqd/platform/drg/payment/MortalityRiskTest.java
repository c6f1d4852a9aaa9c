package org.openhqd.platform.drg.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MortalityRiskTest {

    @Test
    void levelsFollowTheLogZScoreComputedByHand() {
        // ln m: −6.9078 (0.001), −4.6052 (0.01), −2.9957 (0.05), −1.6094 (0.2); μ = −4.0295,
        // sample σ = √(15.5417 ÷ 3) = 2.2761; z = −1.265, −0.253, 0.454, 1.063
        Map<String, Integer> levels = MortalityRisk.levels(Map.of(
                "NONE", new MortalityRisk.Counts(100, 0),
                "LOW", new MortalityRisk.Counts(1000, 1),
                "MIDLOW", new MortalityRisk.Counts(1000, 10),
                "MIDHIGH", new MortalityRisk.Counts(1000, 50),
                "HIGH", new MortalityRisk.Counts(1000, 200)));
        assertThat(levels).containsEntry("NONE", 0).containsEntry("LOW", 1).containsEntry("MIDLOW", 2)
                .containsEntry("MIDHIGH", 3).containsEntry("HIGH", 4);
    }

    @Test
    void thresholdsAreMinusOneZeroAndOne() {
        assertThat(MortalityRisk.level(-1.0001)).isEqualTo(1);
        assertThat(MortalityRisk.level(-1)).isEqualTo(2);
        assertThat(MortalityRisk.level(0)).isEqualTo(3);
        assertThat(MortalityRisk.level(1)).isEqualTo(4);
    }
}
