package org.openhqd.platform.drg.payment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.drg.CaseStore;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.DrgWeights;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The weights-and-payment API and console page: reading, managing, errors in Chinese and English, OpenAPI. */
@DemoPlatformTest
class DrgPaymentWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CaseStore store;
    @Autowired
    DrgSchemes schemes;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    DrgWeights weights;

    private static RequestPostProcessor as(StaffPrincipal p) {
        return authentication(new UsernamePasswordAuthenticationToken(p, null, List.of(new SimpleGrantedAuthority(p.role().authority()))));
    }

    @Test
    void theApiComputesLoadsActivatesAndSavesSettings() throws Exception {
        PaymentFixture f = new PaymentFixture(jdbc, tx, store, schemes, publisher, "PAYW");
        f.importCases(f.hospital, f.generate(31, 2025, 1000)); // the listener computes a first set
        long auto = weights.activeSet(f.community, "chs-drg-1.1").orElseThrow().id();
        StaffPrincipal admin = f.principal("admin");

        mvc.perform(get("/api/v1/drg/weights").with(as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.schemeId").value("chs-drg-1.1"))
                .andExpect(jsonPath("$.active.id").value(auto))
                .andExpect(jsonPath("$.active.source").value("COMPUTED"));
        mvc.perform(get("/api/v1/drg/weights/" + auto + "/rows?q=gz&size=5").with(as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].drg").value(containsString("GZ")));

        String computed = mvc.perform(post("/api/v1/drg/weights/compute").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"trimming\":\"SD\",\"minCases\":3,\"yearWeights\":\"1:2:7\",\"name\":\"试算\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.method").value(containsString("trimming=SD")))
                .andReturn().getResponse().getContentAsString();
        long draft = ((Number) com.jayway.jsonpath.JsonPath.read(computed, "$.id")).longValue();
        mvc.perform(post("/api/v1/drg/weights/compute").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"yearWeights\":\"1:x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("yearWeights"));
        mvc.perform(post("/api/v1/drg/weights/" + draft + "/activate").with(as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("/api/v1/drg/weights/" + auto).with(as(admin))).andExpect(jsonPath("$.status").value("RETIRED"));

        mvc.perform(post("/api/v1/drg/weights/official").with(as(admin)).contentType("text/csv")
                        .content("drg,rw,avg_cost\nGZ13,abc,1\nQQ11,1,1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("未导入任何数据")))
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(2, 3)))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("rw", "drg")));
        mvc.perform(post("/api/v1/drg/weights/official?activate=true&name=省局权重").with(as(admin)).contentType("text/csv")
                        .content("drg,rw\nGZ13,1.1\nGZ15,0.7\n"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("OFFICIAL"))
                .andExpect(jsonPath("$.name").value("省局权重")).andExpect(jsonPath("$.status").value("ACTIVE"));

        mvc.perform(put("/api/v1/drg/payment-settings").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2025,\"rateEmployee\":9800,\"highMultiple1\":25}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("highMultiple1"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("高倍率倍数")));
        mvc.perform(put("/api/v1/drg/payment-settings").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2025,\"rateEmployee\":9800,\"lowRule\":\"ITEMS\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.settings.origin").value("SAVED"))
                .andExpect(jsonPath("$.rates.employee").value(9800.0))
                .andExpect(jsonPath("$.rates.employeeEstimated").value(false))
                .andExpect(jsonPath("$.rates.residentEstimated").value(true));
        mvc.perform(get("/api/v1/drg/payment-settings?year=2026").with(as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.origin").value("INHERITED"))
                .andExpect(jsonPath("$.settings.lowRule").value("ITEMS"));
        mvc.perform(get("/api/v1/drg/payment-settings/sensitivity?year=2025").with(as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.cases").value(1000))
                .andExpect(jsonPath("$.sensitivity[*].percent").value(org.hamcrest.Matchers.contains(-10, -5, 0, 5, 10)));

        // managers only; another community's set is not found
        StaffPrincipal head = f.principal("head");
        mvc.perform(get("/api/v1/drg/weights").with(as(head))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/drg/weights/" + auto + "/activate").with(as(head))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/drg/payment-settings").with(as(f.principal("town-ins"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2025}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/drg/weights").with(as(f.principal("doctor")))).andExpect(status().isForbidden());
        PaymentFixture other = new PaymentFixture(jdbc, tx, store, schemes, publisher, "PAYX");
        mvc.perform(get("/api/v1/drg/weights/" + auto).with(as(other.principal("admin")))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/drg/weights/" + auto + "/rows").with(as(other.principal("admin")))).andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/drg/weights/compute']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/drg/payment-settings']").exists());
    }

    @Test
    void thePageShowsTheSetTheRatesAndTheSensitivityAndManagersAct() throws Exception {
        PaymentFixture f = new PaymentFixture(jdbc, tx, store, schemes, publisher, "PAYP");
        StaffPrincipal admin = f.principal("admin");
        mvc.perform(get("/drg/payment").with(as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("DRG 权重与支付测算")))
                .andExpect(content().string(containsString("不得作为医疗机构内部对医生个人的费用控制指标")))
                .andExpect(content().string(containsString("id=\"dp-no-set\"")))
                .andExpect(content().string(containsString("id=\"dp-compute\"")));

        f.importCases(f.hospital, f.generate(41, 2025, 1000));
        mvc.perform(get("/drg/payment").with(as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("由历史病例测算")))
                .andExpect(content().string(containsString("trimming=IQR; iqr_k=1.5")))
                .andExpect(content().string(containsString("启用中")))
                .andExpect(content().string(containsString("id=\"dp-sensitivity\"")))
                .andExpect(content().string(containsString("+10%")))
                .andExpect(content().string(containsString("估算：基准例均费用 M")))
                .andExpect(content().string(containsString("病例不足")));
        mvc.perform(get("/drg/payment?q=ZZZ").with(as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("没有符合条件的 DRG")));

        // upload with a bad line: every problem listed, nothing loaded
        mvc.perform(multipart("/drg/payment/official").file(new MockMultipartFile("file", "w.csv", "text/csv",
                        "DRG编码,权重\nGZ13,0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(as(admin)).with(csrf()))
                .andExpect(redirectedUrlPattern("/drg/payment?scheme=chs-drg-1.1"))
                .andExpect(flash().attribute("importProblems", hasItem(org.hamcrest.Matchers.hasToString(
                        containsString("field=rw")))));
        mvc.perform(multipart("/drg/payment/official").file(new MockMultipartFile("file", "w.csv", "text/csv",
                        "DRG编码,权重,风险等级\nGZ13,1.3,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .param("name", "省局 2025").param("activate", "on").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrlPattern("/drg/payment?scheme=chs-drg-1.1&set=*"));
        mvc.perform(get("/drg/payment").with(as(admin))).andExpect(content().string(containsString("省局 2025")))
                .andExpect(content().string(containsString("医保部门权重表")));

        mvc.perform(post("/drg/payment/settings").with(as(admin)).with(csrf()).param("year", "2025").param("rateEmployee", "abc"))
                .andExpect(flash().attribute("settingsProblem", containsString("rateEmployee")));
        mvc.perform(post("/drg/payment/settings").with(as(admin)).with(csrf()).param("year", "2025").param("rateEmployee", "9900")
                        .param("rateResident", "").param("highRule", "ITEMS"))
                .andExpect(redirectedUrlPattern("/drg/payment?scheme=chs-drg-1.1&year=2025"));
        mvc.perform(get("/drg/payment?year=2025").with(as(admin))).andExpect(content().string(containsString("9900")))
                .andExpect(content().string(containsString("高倍率病例：按项目")))
                .andExpect(content().string(containsString("2025 年度设置")));
        mvc.perform(post("/drg/payment/compute").with(as(admin)).with(csrf()).param("maxLos", "0"))
                .andExpect(flash().attribute("problem", containsString("maxLos")));

        // a reader sees no forms; a township office may not act
        mvc.perform(get("/drg/payment").with(as(f.principal("head")))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"dp-compute\""))))
                .andExpect(content().string(not(containsString("id=\"dp-settings\""))));
        mvc.perform(post("/drg/payment/compute").with(as(f.principal("town-ins"))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/drg/payment").with(as(f.principal("doctor")))).andExpect(status().isForbidden());
    }
}
