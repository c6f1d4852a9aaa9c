package org.openhqd.platform.patient;

import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The patient list of the user's scope, masked; each page view is audited. */
@Controller
class PatientConsole {

    private final Patients patients;

    PatientConsole(Patients patients) {
        this.patients = patients;
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
