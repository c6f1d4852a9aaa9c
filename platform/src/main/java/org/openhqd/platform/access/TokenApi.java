package org.openhqd.platform.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.platform.security.Tokens;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens for integrations (a HIS, a regional platform): administrators issue them for an
 * institution of their scope, list them and revoke them. The secret is shown once.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN')")
class TokenApi {

    private final Tokens tokens;
    private final Organizations organizations;
    private final AuditLog audit;

    TokenApi(Tokens tokens, Organizations organizations, AuditLog audit) {
        this.tokens = tokens;
        this.organizations = organizations;
        this.audit = audit;
    }

    record NewToken(@NotBlank @Size(max = 64) String name, @NotNull Long institutionId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Tokens.Issued issue(@Valid @RequestBody NewToken request) {
        StaffPrincipal p = CurrentUser.get();
        organizations.institution(request.institutionId(), p.scope()).orElseThrow(Organizations.NotInScopeException::new);
        Tokens.Issued issued = tokens.issueForIntegration(request.name(), request.institutionId());
        audit.record(AuditAction.TOKEN_ISSUED, "api_token", issued.id(), null, "integration " + request.name());
        return issued;
    }

    @GetMapping
    List<Tokens.TokenInfo> list() {
        return tokens.list(CurrentUser.get().scope());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void revoke(@PathVariable long id) {
        if (!tokens.revoke(id, CurrentUser.get().scope())) {
            throw new Organizations.NotInScopeException();
        }
        audit.record(AuditAction.TOKEN_REVOKED, "api_token", id, null, null);
    }
}
