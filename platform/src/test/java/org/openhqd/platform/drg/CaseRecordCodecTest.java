package org.openhqd.platform.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;
import org.openhqd.quality.synthetic.DischargeGenerator;

class CaseRecordCodecTest {

    @Test
    void aStoredRecordReadsBackAsSubmittedWithoutTheIdentityNumber() {
        var generator = new DischargeGenerator(SchemeCatalog.builtIn().get("chs-drg-1.1"), 3, "H001", "C", 2025);
        for (int i = 0; i < 2000; i++) {
            DischargeRecord r = generator.next();
            String stored = CaseRecordCodec.encode(r);
            assertThat(stored).doesNotContain(r.patientIdNumber());
            assertThat(CaseRecordCodec.decode(stored, r.patientIdNumber())).isEqualTo(r);
        }
    }

    @Test
    void oddValuesSurviveAndSeparatorsInTheInputAreBlanked() {
        DischargeRecord r = DischargeRecord.builder().set("case_id", "A\u001F1").set("age", "45岁").set("los", "")
                .diagnoses(List.of(new Diagnosis("i21.0", "", ""), Diagnosis.of("")))
                .procedures(List.of(new Procedure("36.0601", "支架\u001E置入", "", "", "", "", ""))).build();
        DischargeRecord back = CaseRecordCodec.decode(CaseRecordCodec.encode(r), "");
        assertThat(back.caseId()).isEqualTo("A 1");
        assertThat(back.age()).isEqualTo("45岁");
        assertThat(back.diagnoses()).hasSize(2);
        assertThat(back.diagnoses().get(0).code()).isEqualTo("i21.0");
        assertThat(back.procedures().get(0).name()).isEqualTo("支架 置入");
        DischargeRecord none = DischargeRecord.builder().set("case_id", "B").build();
        assertThat(CaseRecordCodec.decode(CaseRecordCodec.encode(none), "")).isEqualTo(none);
    }
}
