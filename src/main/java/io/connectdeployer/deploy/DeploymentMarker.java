package io.connectdeployer.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short tag of a deployment's dedupe key, {@code [cd:<12 hex digits>]}, carried at the end of the comment Connect
 * keeps. After a request that was sent but never answered, finding the tag in Connect's list of deployments is the
 * only way to learn whether Connect made it; an operator searches for it the same way. 48 bits of SHA-256: two keys
 * collide in a fleet's list about once in 10^14 pairs, and the key itself (bucket names, repositories) stays out of
 * Connect.
 */
public record DeploymentMarker(String text) {

    private static final HexFormat HEX = HexFormat.of();

    /** The marker of a namespaced dedupe key; null for none (the event carries nothing to key on). */
    public static DeploymentMarker of(String namespacedKey) {
        if (namespacedKey == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(namespacedKey.getBytes(StandardCharsets.UTF_8));
            return new DeploymentMarker("[cd:" + HEX.formatHex(digest, 0, 6) + "]");
        } catch (NoSuchAlgorithmException impossible) {
            // Every JDK (and native image) must provide SHA-256.
            throw new IllegalStateException(impossible);
        }
    }

    /** The comment Connect gets: the deployment's own comment, then the marker. */
    public String appendTo(String comment) {
        return comment == null || comment.isBlank() ? text : comment + " " + text;
    }

    public boolean foundIn(String comment) {
        return comment != null && comment.contains(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
