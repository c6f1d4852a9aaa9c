package org.openhqd.platform.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Helpers for calling the API as a demo account. */
public final class Api {

    public static final String PASSWORD = "Demo@2026";

    private Api() {
    }

    public static String token(MockMvc mvc, String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
