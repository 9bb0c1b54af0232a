package io.connectdeployer.trigger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** {@code Authorization: Bearer <token>} checked against the configured secret. */
public final class BearerToken {

    private static final String PREFIX = "bearer ";

    private BearerToken() {
    }

    /**
     * Compares SHA-256 digests in constant time: equal-length inputs hide where they differ, and hashing first
     * hides the expected token's length too.
     */
    public static boolean matches(String authorization, String expected) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String presented = authorization.substring(PREFIX.length()).strip();
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is not available", unavailable);
        }
    }
}
