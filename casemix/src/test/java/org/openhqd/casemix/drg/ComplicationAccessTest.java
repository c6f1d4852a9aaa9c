package org.openhqd.casemix.drg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The read-only complication accessors agree with the tables and with the grouper's own use of them. */
class ComplicationAccessTest {

    static final Scheme CHS11 = SchemeCatalog.builtIn().get("chs-drg-1.1");
    static final DrgGrouper GROUPER = DrgGrouper.of(CHS11);

    @Test
    void mccAndCcMembership() {
        assertThat(CHS11.isMcc("J09.x00")).isTrue();
        assertThat(CHS11.isCc("J09.x00")).isFalse();
        assertThat(CHS11.isCc("J18.900")).isTrue();
        assertThat(CHS11.isMcc("J18.900")).isFalse();
        assertThat(CHS11.isMcc("E11.900")).isFalse();
        assertThat(CHS11.isCc("E11.900")).isFalse();
        assertThat(CHS11.isMcc("no such code")).isFalse();
        assertThat(CHS11.isCc("")).isFalse();
    }

    @Test
    void exclusionFollowsThePrincipalsTable() {
        // J18.900 (pneumonia) as principal excludes table 101, to which J09.x00 (influenza, MCC) belongs
        assertThat(CHS11.complicationExcludedBy("J18.900", "J09.x00")).isTrue();
        // N18.500 (MCC, table 145) is not excluded by pneumonia
        assertThat(CHS11.complicationExcludedBy("J18.900", "N18.500")).isFalse();
        // not a complication at all
        assertThat(CHS11.complicationExcludedBy("J18.900", "E11.900")).isFalse();
        assertThat(CHS11.complicationExcludedBy("unknown", "J09.x00")).isFalse();
        assertThat(CHS11.complicationExcludedBy("J18.900", "unknown")).isFalse();
    }

    @Test
    void theGrouperIgnoresExactlyTheExcludedComplication() {
        InpatientCase excluded = InpatientCase.builder("x").male().age(60).los(8)
                .diagnoses("J18.900", "J09.x00").build();
        InpatientCase counted = InpatientCase.builder("y").male().age(60).los(8)
                .diagnoses("J18.900", "N18.500").build();
        InpatientCase alone = InpatientCase.builder("z").male().age(60).los(8).diagnoses("J18.900").build();
        assertThat(GROUPER.group(excluded).drg()).isEqualTo(GROUPER.group(alone).drg());
        assertThat(GROUPER.group(counted).drg()).isNotEqualTo(GROUPER.group(alone).drg());
    }
}
