package org.openhqd.platform.community;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.openhqd.platform.support.Api;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hand-computed settlement year used by the community tests, imported through the API. Fund
 * payments: county hospital 400,000 + its east campus 200,000 (inpatient); township T001 100,000
 * (inpatient) + its village clinic 50,000 (outpatient); township T002 50,000 (outpatient); a private
 * in-county hospital 20,000 (inpatient); a city hospital outside the county 80,000 (inpatient).
 * Members: H001 600,000, T001 150,000, T002 50,000; actual spend 900,000 (820,000 in the county).
 */
public final class CommunityFixture {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    public CommunityFixture(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    public static String settlements(int y) {
        return SettlementCsv.HEADER + "\n"
                + "S" + y + "-1,P0001,H001,,Y,INPATIENT," + y + "-01-10,500000,400000\n"
                + "S" + y + "-2,P0002,H001-E,,Y,INPATIENT," + y + "-02-10,300000.00,200000.00\n"
                + "S" + y + "-3,P0003,T001,,Y,INPATIENT," + y + "-01-15,120000,100000\n"
                + "S" + y + "-4,P0004,T001-V01,,Y,OUTPATIENT," + y + "-02-15,60000,50000\n"
                + "S" + y + "-5,P0005,T002,,Y,OUTPATIENT," + y + "-01-20,55000,50000\n"
                + "S" + y + "-6,P0006,PRIV01,县民营医院,Y,INPATIENT," + y + "-02-20,25000,20000\n"
                + "S" + y + "-7,P0007,X-CITY-1,市第一人民医院,N,INPATIENT," + y + "-01-25,100000,80000\n";
    }

    public void importSettlements(int year) throws Exception {
        mvc.perform(post("/api/v1/community/settlements").header("Authorization", Api.bearer(Api.token(mvc, "demo-admin")))
                .contentType("text/csv").content(settlements(year))).andExpect(status().isOk());
    }

    public void settings(String json) throws Exception {
        mvc.perform(put("/api/v1/community/bundled-payment/settings")
                .header("Authorization", Api.bearer(Api.token(mvc, "demo-admin")))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk());
    }

    public long institution(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }
}
