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
        StaffPrincipal user = CurrentUser.get();
        var list = organizations.institutions(user.scope());
        model.addAttribute("institutions", list);
        model.addAttribute("names", names(list));
        model.addAttribute("canAdd", user.role().administers());
        model.addAttribute("levels", InstitutionLevel.values());
        model.addAttribute("types", InstitutionType.values());
        return "institutions";
    }

    @PostMapping("/institutions")
    String addInstitution(@RequestParam(required = false) Long parentId, @RequestParam String code, @RequestParam String name,
                          @RequestParam InstitutionLevel level, @RequestParam InstitutionType type, RedirectAttributes redirect) {
        StaffPrincipal user = requireAdmin();
        try {
            if (!code.matches("[0-9A-Za-z._-]{1,32}") || name.isBlank() || name.length() > 128) {
                throw new Organizations.InvalidException("code", "编码应为 1–32 位字母数字，名称不能为空 / invalid code or name");
            }
            organizations.addInstitution(parentId, code, name.strip(), level, type, user);
            redirect.addFlashAttribute("created", true);
        } catch (org.springframework.web.ErrorResponseException e) {
            redirect.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/institutions";
    }

    private static StaffPrincipal requireAdmin() {
        StaffPrincipal user = CurrentUser.get();
        if (!user.role().administers()) {
            throw new org.springframework.security.access.AccessDeniedException("not an administrator");
        }
        return user;
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
        StaffPrincipal user = requireAdmin();
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
        StaffPrincipal user = CurrentUser.get();
        var scope = user.scope();
        var institutions = organizations.institutions(scope);
        model.addAttribute("staff", organizations.staff(scope));
        model.addAttribute("institutions", institutions);
        model.addAttribute("names", names(institutions));
        model.addAttribute("canAdd", user.role().administers());
        model.addAttribute("roles", java.util.Arrays.stream(org.openhqd.platform.security.Role.values())
                .filter(r -> Organizations.mayGrant(user.role(), r)).toList());
        return "staff";
    }

    @PostMapping("/staff")
    String addStaff(@RequestParam long institutionId, @RequestParam String name,
                    @RequestParam org.openhqd.platform.security.Role role, @RequestParam(required = false) String title,
                    @RequestParam(required = false) String username, @RequestParam(required = false) String password,
                    RedirectAttributes redirect) {
        StaffPrincipal user = requireAdmin();
        try {
            if (name.isBlank() || name.length() > 64) {
                throw new Organizations.InvalidException("name", "姓名不能为空 / name is required");
            }
            organizations.addStaff(institutionId, null, name.strip(), role, title == null || title.isBlank() ? null : title.strip(),
                    username, password, user);
            redirect.addFlashAttribute("created", true);
        } catch (org.springframework.web.ErrorResponseException e) {
            redirect.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/staff";
    }

    private static Map<Long, String> names(java.util.List<Institution> list) {
        return list.stream().collect(Collectors.toMap(Institution::id, Institution::name, (a, b) -> a));
    }
}
