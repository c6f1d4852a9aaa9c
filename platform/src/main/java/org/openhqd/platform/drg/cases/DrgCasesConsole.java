package org.openhqd.platform.drg.cases;

import java.util.Map;
import org.openhqd.platform.drg.DrgAccess;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 病例列表 and 病例详情 on the console: the filtered, keyset-paged list (htmx swaps the list part) and
 * one case with its explanation, findings and payment figures. Every view is audited.
 */
@Controller
class DrgCasesConsole {

    static final int PAGE = 50;

    private final Cases cases;
    private final ScopeInstitutions institutions;

    DrgCasesConsole(Cases cases, ScopeInstitutions institutions) {
        this.cases = cases;
        this.institutions = institutions;
    }

    static StaffPrincipal reader() {
        StaffPrincipal me = CurrentUser.get();
        if (!DrgAccess.mayRead(me)) {
            throw new AccessDeniedException("may not read DRG cases");
        }
        return me;
    }

    @GetMapping("/drg/cases")
    String list(@RequestParam Map<String, String> params, Model model) {
        StaffPrincipal me = reader();
        model.addAttribute("institutions", institutions.all(me.scope()));
        model.addAttribute("params", params);
        CaseFilter filter;
        try {
            filter = CaseFilter.of(params);
        } catch (DrgProblem e) {
            model.addAttribute("error", e.detail());
            model.addAttribute("errors", e.errors());
            return "drg-cases";
        }
        Long after = afterParam(params.get("after"));
        Cases.Page page = cases.list(me.scope(), filter, after, PAGE);
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        model.addAttribute("firstHref", after == null ? null : filter.href("/drg/cases", Map.of()));
        model.addAttribute("nextHref", page.next() == null ? null
                : filter.href("/drg/cases", Map.of("after", Long.toString(page.next()))));
        return "drg-cases";
    }

    static Long afterParam(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(after.strip());
        } catch (NumberFormatException e) {
            throw DrgProblem.invalid("after", "after 应为病例行号（数字）", "after must be a case row id (a number)");
        }
    }

    @GetMapping("/drg/cases/{id}")
    String one(@PathVariable long id, Model model) {
        StaffPrincipal me = reader();
        Cases.Detail d = cases.get(id, me.scope()).orElseThrow(DrgProblem::notFound);
        model.addAttribute("d", d);
        model.addAttribute("scalars", SubmittedRecord.scalarNames());
        return "drg-case";
    }
}
