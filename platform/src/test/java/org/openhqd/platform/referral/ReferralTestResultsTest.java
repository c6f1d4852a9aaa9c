package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 检验检查结果互认: results recorded by a member institution, seen by the receiver, and the repeat-test alert. */
@DemoPlatformTest
class ReferralTestResultsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecognitionWindows windows;

    @Test
    void windowsAreData() {
        assertThat(windows.of("58410-2")).hasValueSatisfying(w -> assertThat(w.days()).isEqualTo(7));
        assertThat(windows.of("24325-3")).hasValueSatisfying(w -> assertThat(w.days()).isEqualTo(30));
        assertThat(windows.of("24627-2")).hasValueSatisfying(w -> assertThat(w.name()).isEqualTo("胸部CT"));
        assertThat(windows.of("nope")).isEmpty();
    }

    @Test
    void receiverSeesTheSendersResultsAndIsWarnedBeforeRepeatingThem() throws Exception {
        ReferralFixture f = new ReferralFixture(mvc, jdbc);
        long patient = f.patient("T001", 10);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        f.postJson("demo-doctor-a", "/api/v1/patients/" + patient + "/test-results", "{\"testCode\":\"58410-2\",\"testName\":\"血常规\","
                        + "\"resultDate\":\"" + today.minusDays(3) + "\",\"summary\":\"WBC 11.2×10^9/L\",\"reportRef\":\"LIS-T001-0001\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.institutionId").value(f.institution("T001")));
        f.postJson("demo-doctor-a", "/api/v1/patients/" + patient + "/test-results", "{\"testCode\":\"24627-2\",\"testName\":\"胸部CT\","
                + "\"resultDate\":\"" + today.minusDays(120) + "\",\"summary\":\"右肺上叶结节 8 mm\"}").andExpect(status().isCreated());
        f.postJson("demo-doctor-a", "/api/v1/patients/" + patient + "/test-results", "{\"testCode\":\"24325-3\",\"testName\":\"肝功能\","
                + "\"resultDate\":\"" + today.plusDays(1) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("resultDate"));
        // the hospital has no access to the township's patient before a referral brings them
        f.postJson("demo-doctor", "/api/v1/patients/" + patient + "/test-orders/check", "{\"testCodes\":[\"58410-2\"]}")
                .andExpect(status().isNotFound());

        long id = f.created("demo-doctor-a", patient, f.institution("H001"), "UP", "");
        f.get("demo-doctor", "/api/v1/referrals/" + id + "/test-results").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].testCode").value("58410-2"))
                .andExpect(jsonPath("$[0].reportRef").value("LIS-T001-0001"));
        f.get("demo-doctor-b", "/api/v1/referrals/" + id + "/test-results").andExpect(status().isNotFound());

        f.postJson("demo-doctor", "/api/v1/patients/" + patient + "/test-orders/check",
                        "{\"testCodes\":[\"58410-2\",\"24627-2\",\"24325-3\",\"LOCAL-XYZ\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alerts.length()").value(1))
                .andExpect(jsonPath("$.alerts[0].testCode").value("58410-2"))
                .andExpect(jsonPath("$.alerts[0].windowDays").value(7))
                .andExpect(jsonPath("$.alerts[0].earlier.summary").value("WBC 11.2×10^9/L"))
                .andExpect(jsonPath("$.alerts[0].earlier.institutionName").value("城关镇卫生院"))
                .andExpect(jsonPath("$.checks[1].repeat").value(false)) // CT of 120 days ago is outside its 90 days
                .andExpect(jsonPath("$.checks[3].windowDays").doesNotExist());
        // the hospital records its own result for the referred patient; the township sees it through the same check
        f.postJson("demo-doctor", "/api/v1/patients/" + patient + "/test-results", "{\"testCode\":\"24627-2\",\"testName\":\"胸部CT\","
                + "\"resultDate\":\"" + today + "\",\"summary\":\"结节较前无变化\"}").andExpect(status().isCreated());
        f.postJson("demo-doctor-a", "/api/v1/patients/" + patient + "/test-orders/check", "{\"testCodes\":[\"24627-2\"]}")
                .andExpect(jsonPath("$.alerts[0].earlier.institutionName").value("示范县人民医院"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'test-result' AND patient_id = :p AND action = 'READ'")
                .param("p", patient).query(Long.class).single()).isEqualTo(3);
    }
}
