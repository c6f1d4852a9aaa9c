package org.openhqd.platform.patient;

import java.util.List;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.DataScope;
import org.springframework.stereotype.Component;

/** Where the user may register a patient: the institutions of the user's scope. */
@Component
class RegistrationSites {

    private final Organizations organizations;

    RegistrationSites(Organizations organizations) {
        this.organizations = organizations;
    }

    List<Institution> inScope(DataScope scope) {
        return organizations.institutions(scope);
    }
}
