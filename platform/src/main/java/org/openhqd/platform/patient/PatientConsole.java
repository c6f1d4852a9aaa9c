package org.openhqd.platform.patient;

import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The patient list of the user's scope, masked; each page view is audited. */
@Controller
class PatientConsole {

    private final Patients patients;
    private final RegistrationSites institutions;

    PatientConsole(Patients patients, RegistrationSites institutions) {
        this.patients = patients;
        this.institutions = institutions;
    }

    @GetMapping("/patients/new")
    String form(Model model) {
        if (CurrentUser.get().role() == Role.AUDITOR) {
            throw new AccessDeniedException("auditors do not register patients");
        }
        model.addAttribute("institutions", institutions.inScope(CurrentUser.get().scope()));
        model.addAttribute("insuranceTypes", InsuranceType.values());
        return "patient-new";
    }

    @PostMapping("/patients/new")
    String register(@RequestParam long institutionId, @RequestParam String name, @RequestParam String idNumber,
                    @RequestParam InsuranceType insuranceType, @RequestParam(required = false) String phone,
                    @RequestParam(required = false) String address, Model model, RedirectAttributes redirect) {
        var user = CurrentUser.get();
        if (user.role() == Role.AUDITOR) {
            throw new AccessDeniedException("auditors do not register patients");
        }
        try {
            if (name.isBlank() || name.length() > 64) {
                throw new Patients.InvalidPatientException("name", "姓名不能为空 / name is required");
            }
            PatientView p = patients.register(new Patients.NewPatient(institutionId, name.strip(), idNumber, insuranceType,
                    blankToNull(phone), blankToNull(address)), user.scope());
            redirect.addFlashAttribute("registered", p.name() + " " + p.idNumber());
            return "redirect:/patients";
        } catch (Patients.InvalidPatientException e) {
            model.addAttribute("error", e.getBody().getDetail());
            model.addAttribute("errorField", e.field());
            model.addAttribute("institutions", institutions.inScope(user.scope()));
            model.addAttribute("insuranceTypes", InsuranceType.values());
            model.addAttribute("name", name);
            return "patient-new";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/patients")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        var user = CurrentUser.get();
        if (user.role() == Role.AUDITOR) {
            throw new AccessDeniedException("auditors do not read patient records");
        }
        model.addAttribute("page", patients.list(user.scope(), page, 50));
        return "patients";
    }
}
