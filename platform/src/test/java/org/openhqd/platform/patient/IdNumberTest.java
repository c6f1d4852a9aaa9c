package org.openhqd.platform.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void acceptsAValidNumberAndDerivesBirthDateAndSex() {
        // GB 11643 example number: check character X
        IdNumber.Result r = IdNumber.parse("11010519491231002x", TODAY);
        assertThat(r.valid()).isTrue();
        IdNumber id = r.id().orElseThrow();
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo("2");
        assertThat(id.masked()).isEqualTo("110***********002X").hasSize(18);
        assertThat(id.toString()).isEqualTo(id.masked());
    }

    @Test
    void rejectsWrongCheckCharacterLengthDateAndLetters() {
        assertThat(IdNumber.parse("110105194912310021", TODAY).error()).contains("校验码").contains("check character");
        assertThat(IdNumber.parse("11010519491231002", TODAY).error()).contains("18");
        assertThat(IdNumber.parse("110105194902300021", TODAY).error()).contains("出生日期");
        assertThat(IdNumber.parse("11010520991231002X", TODAY).error()).contains("birth date");
        assertThat(IdNumber.parse("1101051949123100AX", TODAY).error()).contains("digits");
        assertThat(IdNumber.parse(null, TODAY).valid()).isFalse();
    }

    @Test
    void checkCharacterFollowsIso7064() {
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
    }
}
