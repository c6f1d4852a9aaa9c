package org.openhqd.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Rules for the secrets people and systems use: password policy, and hashing of bearer and setup tokens. */
public final class Secrets {

    private Secrets() {
    }

    /** SHA-256 of a high-entropy token, as stored instead of the token. */
    public static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a password is too weak (Chinese and English), or empty when it is acceptable. */
    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < 10 || !password.matches(".*[A-Za-z].*") || !password.matches(".*[0-9].*")) {
            return Optional.of("密码至少 10 位且含字母和数字 / password: at least 10 characters with letters and digits");
        }
        return Optional.empty();
    }
}
