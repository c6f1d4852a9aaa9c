package org.openhqd.platform.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Institutions, departments and staff of the caller's scope. */
@RestController
@RequestMapping("/api/v1")
class OrganizationApi {

    private final Organizations organizations;

    OrganizationApi(Organizations organizations) {
        this.organizations = organizations;
    }

    /** id, name, level, type, parent of every institution the caller may see. */
    record InstitutionView(long id, String code, String name, InstitutionLevel level, InstitutionType type, Long parent) {
    }

    @GetMapping("/institutions")
    List<InstitutionView> institutions() {
        return organizations.institutions(CurrentUser.get().scope()).stream()
                .map(i -> new InstitutionView(i.id(), i.code(), i.name(), i.level(), i.type(), i.parentId())).toList();
    }

    @GetMapping("/institutions/{id}")
    InstitutionView institution(@PathVariable long id) {
        Institution i = organizations.institution(id, CurrentUser.get().scope())
                .orElseThrow(Organizations.NotInScopeException::new);
        return new InstitutionView(i.id(), i.code(), i.name(), i.level(), i.type(), i.parentId());
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return organizations.departments(CurrentUser.get().scope());
    }

    record NewDepartment(@NotNull Long institutionId,
                         @NotBlank @Pattern(regexp = "[0-9A-Za-z.]{1,16}", message = "科室代码应为 1–16 位字母数字 / 1–16 letters or digits") String code,
                         @NotBlank @Size(max = 64) String name) {
    }

    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN')")
    Department addDepartment(@Valid @RequestBody NewDepartment d) {
        StaffPrincipal p = CurrentUser.get();
        return organizations.addDepartment(d.institutionId(), d.code(), d.name(), p.scope());
    }

    record NewInstitution(Long parentId, @NotBlank @Pattern(regexp = "[0-9A-Za-z._-]{1,32}") String code,
                          @NotBlank @Size(max = 128) String name, @NotNull InstitutionLevel level, @NotNull InstitutionType type) {
    }

    @PostMapping("/institutions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN')")
    InstitutionView addInstitution(@Valid @RequestBody NewInstitution n) {
        Institution i = organizations.addInstitution(n.parentId(), n.code(), n.name(), n.level(), n.type(), CurrentUser.get());
        return new InstitutionView(i.id(), i.code(), i.name(), i.level(), i.type(), i.parentId());
    }

    record NewStaff(@NotNull Long institutionId, Long departmentId, @NotBlank @Size(max = 64) String name,
                    @NotNull org.openhqd.platform.security.Role role, @Size(max = 32) String title,
                    String username, String password) {
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN')")
    StaffMember addStaff(@Valid @RequestBody NewStaff n) {
        return organizations.addStaff(n.institutionId(), n.departmentId(), n.name(), n.role(), n.title(), n.username(),
                n.password(), CurrentUser.get());
    }

    record Enabled(boolean enabled) {
    }

    @PostMapping("/staff/{id}/enabled")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN')")
    void setEnabled(@PathVariable long id, @RequestBody Enabled e) {
        organizations.setEnabled(id, e.enabled(), CurrentUser.get().scope());
    }

    @GetMapping("/staff")
    List<StaffMember> staff() {
        return organizations.staff(CurrentUser.get().scope());
    }
}
