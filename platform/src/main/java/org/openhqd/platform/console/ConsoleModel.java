package org.openhqd.platform.console;

import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;

/** Puts the logged-in user into every console page's model (for the header and navigation). */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModel {

    @ModelAttribute("user")
    StaffPrincipal user() {
        return CurrentUser.find().orElse(null);
    }
}
