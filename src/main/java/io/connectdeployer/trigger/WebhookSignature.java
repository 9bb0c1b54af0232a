package io.connectdeployer.trigger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** GitHub's {@code x-hub-signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body under the webhook secret. */
public final class WebhookSignature {

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** Compared in constant time, so a caller cannot learn the signature byte by byte from response times. */
    public static boolean matches(String secret, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), claimed);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException unavailable) {
            // Every JDK ships HmacSHA256; this cannot happen on a working runtime.
            throw new IllegalStateException(ALGORITHM + " is not available", unavailable);
        }
    }
}
