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

    /**
     * Runs {@code work} as {@code principal} on this thread and restores the previous security
     * context afterwards, whatever happens. It exists for the demo loader and the patients' self-service pages: they
     * have no staff login, yet the services they call (booking, cancelling, the audit trail) take
     * the caller's scope and name from the current principal. The caller builds a principal that
     * can reach no more than the one verified patient needs; nothing is stored in the session.
     */
    public static <T> T runAs(StaffPrincipal principal, java.util.function.Supplier<T> work) {
        org.springframework.security.core.context.SecurityContext previous = SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                principal, null, java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                        principal.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The current user's name for the audit trail, or {@code anonymous}. */
    public static String name() {
        return find().map(StaffPrincipal::username).orElse("anonymous");
    }
}
