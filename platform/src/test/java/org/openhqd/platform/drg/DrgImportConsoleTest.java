package org.openhqd.platform.drg;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.openhqd.quality.DischargeRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The console page 病例导入: upload with the CSRF header, progress fragment, rejections page and download. */
@DemoPlatformTest
class DrgImportConsoleTest {

    @Autowired
    MockMvc mvc;

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    @Test
    void managerUploadsFollowsProgressAndReadsRejections() throws Exception {
        MockHttpSession s = login("demo-quality");
        mvc.perform(get("/drg/imports").session(s)).andExpect(status().isOk())
                .andExpect(content().string(containsString("病例导入")))
                .andExpect(content().string(containsString("id=\"drg-upload\"")))
                .andExpect(content().string(containsString("data-csrf-token=")))
                .andExpect(content().string(containsString("主要诊断编码")))
                .andExpect(content().string(containsString("/js/drg-imports.js")));
        mvc.perform(get("/js/drg-imports.js")).andExpect(status().isOk());

        List<DischargeRecord> records = CaseFiles.records("CO", 30, 31).stream().map(CaseFiles::fitted).toList();
        String csv = CaseFiles.chineseCsv(records) + CaseFiles.csvLine(CaseFiles.chineseRow(records.get(0), null));
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/drg/imports/upload").session(s).contentType("text/csv").content(body))
                .andExpect(status().isForbidden()); // no CSRF token
        String json = mvc.perform(post("/drg/imports/upload?fileName=console.csv&charset=UTF-8").session(s).with(csrf().asHeader())
                        .contentType("text/csv").content(body))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(json, "$.id");
        String fragment = "";
        for (int i = 0; i < 300 && !fragment.contains("data-status=\"COMMITTED\""); i++) {
            Thread.sleep(100);
            fragment = mvc.perform(get("/drg/imports/" + id + "/progress").session(s)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        // finished: the fragment stops polling and links the details
        org.assertj.core.api.Assertions.assertThat(fragment).contains("data-status=\"COMMITTED\"").contains("已完成")
                .doesNotContain("hx-trigger").contains("/drg/imports/" + id);
        mvc.perform(get("/drg/imports?batch=" + id).session(s)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"drg-progress\"")))
                .andExpect(content().string(containsString("console.csv")));
        mvc.perform(get("/drg/imports/" + id).session(s)).andExpect(status().isOk())
                .andExpect(content().string(containsString("被拒绝的行")))
                .andExpect(content().string(containsString(records.get(0).caseId())))
                .andExpect(content().string(containsString("本行未导入")))
                .andExpect(content().string(containsString("rejections.csv")));
        mvc.perform(get("/drg/imports/" + id + "/rejections.csv").session(s)).andExpect(status().isOk())
                .andExpect(content().string(containsString("病案号在本文件第 2 行已出现")));
    }

    @Test
    void readersSeeNoUploadAndOthersAreRefused() throws Exception {
        MockHttpSession head = login("demo-dept-head");
        mvc.perform(get("/drg/imports").session(head)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"drg-upload\""))));
        mvc.perform(post("/drg/imports/upload").session(head).with(csrf().asHeader()).contentType("text/csv")
                .content("病案号\nX\n")).andExpect(status().isForbidden());
        MockHttpSession doctor = login("demo-doctor");
        mvc.perform(get("/drg/imports").session(doctor)).andExpect(status().isForbidden());
    }
}
