package org.openhqd.platform.organization;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages for institutions, departments and staff of the user's scope. */
@Controller
class OrganizationConsole {

    private final Organizations organizations;

    OrganizationConsole(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/institutions")
    String institutions(Model model) {
        var list = organizations.institutions(CurrentUser.get().scope());
        model.addAttribute("institutions", list);
        model.addAttribute("names", names(list));
        return "institutions";
    }

    @GetMapping("/departments")
    String departments(Model model) {
        StaffPrincipal user = CurrentUser.get();
        var institutions = organizations.institutions(user.scope());
        model.addAttribute("departments", organizations.departments(user.scope()));
        model.addAttribute("institutions", institutions);
        model.addAttribute("names", names(institutions));
        model.addAttribute("canAdd", user.role().administers());
        return "departments";
    }

    @PostMapping("/departments")
    String addDepartment(@RequestParam long institutionId, @RequestParam String code, @RequestParam String name,
                         RedirectAttributes redirect) {
        StaffPrincipal user = CurrentUser.get();
        if (!user.role().administers()) {
            throw new org.springframework.security.access.AccessDeniedException("not an administrator");
        }
        try {
            if (!code.matches("[0-9A-Za-z.]{1,16}") || name.isBlank() || name.length() > 64) {
                redirect.addFlashAttribute("error", "科室代码应为 1–16 位字母数字，名称不能为空 / invalid code or name");
            } else {
                organizations.addDepartment(institutionId, code, name.strip(), user.scope());
                redirect.addFlashAttribute("created", true);
            }
        } catch (Organizations.DuplicateCodeException | Organizations.NotInScopeException e) {
            redirect.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/departments";
    }

    @GetMapping("/staff")
    String staff(Model model) {
        var scope = CurrentUser.get().scope();
        model.addAttribute("staff", organizations.staff(scope));
        model.addAttribute("names", names(organizations.institutions(scope)));
        return "staff";
    }

    private static Map<Long, String> names(java.util.List<Institution> list) {
        return list.stream().collect(Collectors.toMap(Institution::id, Institution::name, (a, b) -> a));
    }
}
