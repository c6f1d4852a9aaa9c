package org.openhqd.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.AccessDeniedException;

/** The principal of the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<StaffPrincipal> find() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof StaffAccount account) {
            return Optional.of(account.principal());
        }
        if (a != null && a.getPrincipal() instanceof StaffPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    public static StaffPrincipal get() {
        return find().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }

    /** The current user's name for the audit trail, or {@code anonymous}. */
    public static String name() {
        return find().map(StaffPrincipal::username).orElse("anonymous");
    }
}
