package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** The referral state machine through the API: allowed and refused changes, who may act, direction, audit and events. */
@DemoPlatformTest
@RecordApplicationEvents
class ReferralWorkflowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    ReferralFixture f;
    long hospital;
    long townshipA;
    long townshipB;

    @BeforeEach
    void fixture() {
        f = new ReferralFixture(mvc, jdbc);
        hospital = f.institution("H001");
        townshipA = f.institution("T001");
        townshipB = f.institution("T002");
    }

    @Test
    void upwardReferralGoesThroughEveryStateAndBooksTheReferralPool() throws Exception {
        long patient = f.patient("T001", 1);
        var created = f.create("demo-doctor-a", patient, hospital, "UP", ",\"summary\":\"活动后胸痛 2 周\",\"currentTreatment\":\"阿司匹林\","
                + "\"attachments\":[{\"type\":\"LAB\",\"reference\":\"https://lis.example/r/1\",\"description\":\"心肌酶\"}]")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.fromInstitutionId").value(townshipA))
                .andExpect(jsonPath("$.diagnoses[0]").value("I20.000"))
                .andExpect(jsonPath("$.diagnoses[1]").value("I10.x00"))
                .andExpect(jsonPath("$.attachments[0].reference").value("https://lis.example/r/1"))
                .andExpect(jsonPath("$.patientIdNumber").value(org.hamcrest.Matchers.containsString("*")));
        long id = ReferralFixture.id(created);

        f.get("demo-doctor", "/api/v1/referrals/" + id).andExpect(status().isOk());
        f.get("demo-doctor-b", "/api/v1/referrals/" + id).andExpect(status().isNotFound());
        f.action("demo-doctor-a", id, "accept", null).andExpect(status().isForbidden()); // the sender cannot accept
        f.action("demo-doctor", id, "accept", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.decidedBy").value("demo-doctor"));
        f.action("demo-doctor", id, "accept", null).andExpect(status().isConflict());
        f.action("demo-doctor", id, "reject", "{\"reason\":\"迟了\"}").andExpect(status().isConflict());

        long slot = f.freeReferralSlot(0);
        f.action("demo-doctor", id, "schedule", "{\"slotId\":" + slot + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"));
        var appointment = jdbc.sql("SELECT a.slot_id, a.channel, a.referral_ref, a.patient_id FROM appointment a JOIN referral r "
                + "ON r.appointment_id = a.id WHERE r.id = :id").param("id", id).query().singleRow();
        assertThat(appointment).containsEntry("channel", "REFERRAL").containsEntry("referral_ref", "REF-" + id);
        assertThat(((Number) appointment.get("slot_id")).longValue()).isEqualTo(slot);
        assertThat(((Number) appointment.get("patient_id")).longValue()).isEqualTo(patient);

        f.action("demo-doctor", id, "complete", null).andExpect(status().isConflict()); // not arrived yet
        f.action("demo-doctor", id, "arrive", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ARRIVED"));
        f.action("demo-doctor-a", id, "cancel", "{\"reason\":\"患者改变主意\"}").andExpect(status().isConflict());
        f.action("demo-doctor", id, "complete", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));

        f.get("demo-doctor-a", "/api/v1/referrals/" + id + "/events").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].to").value("SUBMITTED"))
                .andExpect(jsonPath("$[4].from").value("ARRIVED")).andExpect(jsonPath("$[4].to").value("COMPLETED"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'referral' AND entity_id = :id AND action IN ('CREATE', 'UPDATE')")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'referral' AND entity_id = :id AND action = 'READ' "
                + "AND patient_id = :p").param("id", String.valueOf(id)).param("p", patient).query(Long.class).single()).isEqualTo(1);
        assertThat(events.stream(ReferralStateChanged.class).filter(e -> e.referralId() == id).map(ReferralStateChanged::status))
                .containsExactly(ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED, ReferralStatus.SCHEDULED, ReferralStatus.ARRIVED,
                        ReferralStatus.COMPLETED);
        assertThat(events.stream(ReferralStateChanged.class).filter(e -> e.referralId() == id))
                .allMatch(e -> e.toInstitutionId() == hospital && e.fromInstitutionId() == townshipA && e.direction() == Direction.UP);
    }

    @Test
    void refusedTransitionsAnswer409AndOnlyTheRightSideActs() throws Exception {
        long patient = f.patient("T001", 2);
        long rejected = f.created("demo-doctor-a", patient, hospital, "UP", "");
        f.action("demo-doctor", rejected, "reject", "{\"reason\":\" \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        f.action("demo-doctor", rejected, "arrive", null).andExpect(status().isConflict());
        f.action("demo-doctor", rejected, "schedule", "{\"slotId\":" + f.freeReferralSlot(0) + "}").andExpect(status().isConflict());
        f.action("demo-doctor", rejected, "reject", "{\"reason\":\"本院无床位，建议转市级医院\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED")).andExpect(jsonPath("$.rejectReason").value("本院无床位，建议转市级医院"));
        for (String action : new String[] {"accept", "arrive", "complete", "submit"}) {
            f.action("demo-doctor", rejected, action, null).andExpect(status().is(org.hamcrest.Matchers.oneOf(403, 409)));
        }
        f.action("demo-doctor-a", rejected, "cancel", "{\"reason\":\"x\"}").andExpect(status().isConflict());

        long draft = f.created("demo-doctor-a", patient, hospital, "UP", ",\"draft\":true");
        assertThat(f.status(draft)).isEqualTo("DRAFT");
        f.action("demo-doctor", draft, "accept", null).andExpect(status().isConflict());
        f.action("demo-doctor", draft, "submit", null).andExpect(status().isForbidden()); // only the sender submits
        f.action("demo-doctor-a", draft, "submit", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.submittedAt").isNotEmpty());
        f.action("demo-doctor-a", draft, "submit", null).andExpect(status().isConflict());
        f.action("demo-doctor", draft, "cancel", "{\"reason\":\"x\"}").andExpect(status().isForbidden()); // only the sender cancels
        f.action("demo-doctor-a", draft, "cancel", "{\"reason\":\"患者拒绝转诊\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED")).andExpect(jsonPath("$.closedReason").value("患者拒绝转诊"));
        f.action("demo-doctor", draft, "accept", null).andExpect(status().isConflict());
        f.action("demo-doctor-b", draft, "cancel", "{\"reason\":\"x\"}").andExpect(status().isNotFound());
    }

    @Test
    void cancellingAScheduledReferralGivesTheNumberBack() throws Exception {
        long id = f.created("demo-doctor-a", f.patient("T001", 3), hospital, "UP", "");
        f.action("demo-doctor", id, "accept", null).andExpect(status().isOk());
        long slot = f.freeReferralSlot(1);
        int before = booked(slot);
        f.action("demo-doctor", id, "schedule", "{\"slotId\":" + slot + "}").andExpect(status().isOk());
        assertThat(booked(slot)).isEqualTo(before + 1);
        f.action("demo-doctor-a", id, "cancel", "{\"reason\":\"患者病情好转\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(booked(slot)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT a.status FROM appointment a JOIN referral r ON r.appointment_id = a.id WHERE r.id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("CANCELLED");
    }

    @Test
    void schedulingNeedsASlotOfTheReceivingInstitution() throws Exception {
        long id = f.created("demo-doctor-a", f.patient("T001", 4), hospital, "UP", "");
        f.action("demo-doctor", id, "accept", null).andExpect(status().isOk());
        long appSlotElsewhere = jdbc.sql("SELECT MAX(s.id) FROM slot s JOIN clinic_session cs ON cs.id = s.session_id "
                + "JOIN institution i ON i.id = cs.institution_id WHERE i.code = 'T001'").query(Long.class).single();
        f.action("demo-doctor", id, "schedule", "{\"slotId\":" + appSlotElsewhere + "}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("slotId"));
        assertThat(f.status(id)).isEqualTo("ACCEPTED");
        f.get("demo-doctor", "/api/v1/referrals/" + id + "/slots").andExpect(status().isOk());
    }

    private int booked(long slot) {
        return jdbc.sql("SELECT booked FROM slot_pool WHERE slot_id = :s AND channel = 'REFERRAL'").param("s", slot)
                .query(Integer.class).single();
    }

    @Test
    void directionMustFitTheInstitutionsLevels() throws Exception {
        long patient = f.patient("T001", 5);
        f.create("demo-doctor-a", patient, townshipB, "UP", "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("direction"))
                .andExpect(jsonPath("$.errors[1].field").value("toInstitutionId"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("higher level")));
        f.create("demo-doctor-a", patient, hospital, "DOWN", "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("direction"));
        f.create("demo-doctor-a", patient, f.institution("T001-V01"), "UP", "").andExpect(status().isBadRequest());
        f.create("demo-doctor-a", patient, 999_999L, "UP", "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("toInstitutionId"));
        f.postJson("demo-doctor-a", "/api/v1/referrals", "{\"patientId\":" + patient + ",\"toInstitutionId\":" + hospital
                        + ",\"direction\":\"UP\",\"reason\":\"\",\"diagnoses\":[\"bad\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("reason", "diagnoses[0]")));
        // a county hospital patient is not the township's to refer
        f.create("demo-doctor-a", f.patient("H001", 5), hospital, "UP", "").andExpect(status().isNotFound());
        // downward: the hospital sends its patient to the township for rehabilitation
        long down = f.created("demo-doctor", f.patient("H001", 6), townshipA, "DOWN", "");
        f.action("demo-doctor-a", down, "accept", null).andExpect(status().isOk()).andExpect(jsonPath("$.direction").value("DOWN"));
    }

    @Test
    void townshipStaffSeeTheirSubtreeVillageStaffOnlyTheirClinic() throws Exception {
        long village = f.created("demo-village-a", f.patient("T001-V01", 1), hospital, "UP", "");
        long township = f.created("demo-doctor-a", f.patient("T001", 6), hospital, "UP", "");
        long other = f.created("demo-doctor-b", f.patient("T002", 1), hospital, "UP", "");
        f.get("demo-doctor-a", "/api/v1/referrals/" + village).andExpect(status().isOk());
        f.get("demo-village-a", "/api/v1/referrals/" + village).andExpect(status().isOk());
        f.get("demo-village-a", "/api/v1/referrals/" + township).andExpect(status().isNotFound());
        f.get("demo-doctor-a", "/api/v1/referrals/" + other).andExpect(status().isNotFound());
        f.action("demo-doctor-a", other, "accept", null).andExpect(status().isNotFound());
        f.get("demo-doctor", "/api/v1/referrals/" + other).andExpect(status().isOk());
        f.get("demo-admin", "/api/v1/referrals/" + other).andExpect(status().isOk()); // the community admin sees the community
        String page = f.get("demo-doctor-a", "/api/v1/referrals?size=200&status=SUBMITTED&direction=UP").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        java.util.List<Number> ids = com.jayway.jsonpath.JsonPath.read(page, "$.content[*].id");
        assertThat(ids.stream().map(Number::longValue)).contains(village, township).doesNotContain(other);
        String byInstitution = f.get("demo-doctor", "/api/v1/referrals?size=200&institution=" + townshipB).andReturn().getResponse()
                .getContentAsString();
        java.util.List<java.util.Map<String, Object>> rows = com.jayway.jsonpath.JsonPath.read(byInstitution, "$.content[*]");
        assertThat(rows).isNotEmpty().allMatch(r -> ((Number) r.get("fromInstitutionId")).longValue() == townshipB
                || ((Number) r.get("toInstitutionId")).longValue() == townshipB);
        assertThat(rows).anyMatch(r -> ((Number) r.get("id")).longValue() == other);
    }

    @Test
    void emergencyTransferIsEnteredAfterArrival() throws Exception {
        Instant arrived = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long id = f.id(f.create("demo-doctor-a", f.patient("T001", 7), hospital, "UP", ",\"emergency\":true,\"arrivedAt\":\"" + arrived + "\"")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ARRIVED"))
                .andExpect(jsonPath("$.emergency").value(true)).andExpect(jsonPath("$.retroEntered").value(true)));
        assertThat(jdbc.sql("SELECT arrived_at FROM referral WHERE id = :id").param("id", id).query(java.sql.Timestamp.class).single()
                .toInstant()).isEqualTo(arrived);
        f.action("demo-doctor", id, "complete", null).andExpect(status().isOk());
        f.create("demo-doctor-a", f.patient("T001", 7), hospital, "UP", ",\"arrivedAt\":\"" + arrived + "\"")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("arrivedAt"));
        f.create("demo-doctor-a", f.patient("T001", 7), hospital, "UP", ",\"emergency\":true,\"arrivedAt\":\""
                + Instant.now().plus(1, ChronoUnit.DAYS) + "\"").andExpect(status().isBadRequest());
    }
}
