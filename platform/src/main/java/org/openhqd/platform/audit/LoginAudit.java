package org.openhqd.platform.audit;

import org.openhqd.platform.security.Accounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Every login, console or API, succeeded or failed, is audited and counts towards the lockout. */
@Component
class LoginAudit {

    private final AuditLog audit;
    private final Accounts accounts;

    LoginAudit(AuditLog audit, Accounts accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    @EventListener
    void success(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        accounts.succeeded(name);
        audit.recordStandalone(name, AuditAction.LOGIN_SUCCESS, null);
    }

    @EventListener
    void failure(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        accounts.failed(name);
        audit.recordStandalone(name, AuditAction.LOGIN_FAILURE, event.getException().getClass().getSimpleName());
    }
}
