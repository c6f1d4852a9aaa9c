package org.openhqd.platform.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login page and the director's home page (院长驾驶舱), which later modules fill with indicators. */
@Controller
class HomeConsole {

    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    HomeConsole(Organizations organizations, JdbcClient jdbc, MessageSource messages) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        StaffPrincipal user = CurrentUser.get();
        DataScope scope = user.scope();
        List<Institution> institutions = organizations.institutions(scope);
        model.addAttribute("institutions", institutions.size());
        model.addAttribute("staff", organizations.staff(scope).size());
        Map<String, Long> byType = new LinkedHashMap<>();
        if (user.role() != Role.AUDITOR) {
            // aggregate counts only: no patient record is read, so nothing to audit
            List<Map<String, Object>> rows = jdbc.sql("SELECT i.type AS t, COUNT(*) AS n FROM patient p JOIN institution i "
                            + "ON i.id = p.institution_id WHERE " + scope.sql("i") + " GROUP BY i.type ORDER BY i.type")
                    .params(scope.params())
                    .query().listOfRows();
            long total = 0;
            for (Map<String, Object> r : rows) {
                String label = messages.getMessage("type." + r.get("t"), null, java.util.Locale.SIMPLIFIED_CHINESE);
                long n = ((Number) r.get("n")).longValue();
                byType.put(label, n);
                total += n;
            }
            model.addAttribute("patients", total);
        }
        model.addAttribute("chartLabels", json(byType.keySet().stream().map(s -> "\"" + s + "\"").toList()));
        model.addAttribute("chartValues", json(byType.values().stream().map(String::valueOf).toList()));
        return "home";
    }

    private static String json(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }
}
