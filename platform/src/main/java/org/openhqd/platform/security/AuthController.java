package org.openhqd.platform.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: exchanges a username and password for a bearer token. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AuthenticationConfiguration authentication;
    private final Tokens tokens;

    AuthController(AuthenticationConfiguration authentication, Tokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    record Credentials(@NotBlank String username, @NotBlank String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/token")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        try {
            var result = manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    credentials.username(), credentials.password()));
            StaffAccount account = (StaffAccount) result.getPrincipal();
            Tokens.Issued issued = tokens.issueForUser(account.principal());
            return ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
        } catch (LockedException e) {
            return problem("账户因多次登录失败已临时锁定 / account locked after repeated failed logins");
        } catch (AuthenticationException e) {
            return problem("用户名或密码错误 / wrong username or password");
        }
    }

    private static ResponseEntity<ProblemDetail> problem(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        p.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(p);
    }
}
