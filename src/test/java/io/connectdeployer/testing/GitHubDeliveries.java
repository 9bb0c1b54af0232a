package io.connectdeployer.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deploy.DeploymentMarker;

/**
 * Signed GitHub deliveries made at test time from a fixture: its payload with another action, publication time or
 * delivery id, signed as GitHub signs (HMAC-SHA256 over the exact body bytes), computed here on its own rather
 * than with the function's code, so a fault there cannot hide in both.
 */
public final class GitHubDeliveries {

    public static final String FIXTURE = "events/github/release-published.json";

    private GitHubDeliveries() {
    }

    /** The fixture's release, as the function keys it. */
    static final String RELEASE_KEY = "github:octo-org/gateway-firmware/releases/187654321";

    /** The fixture's release with {@code action}, published at {@code publishedAt}, as delivery {@code delivery}. */
    public static ObjectNode release(String action, Instant publishedAt, String delivery) {
        ObjectNode request = (ObjectNode) Events.load(FIXTURE);
        ObjectNode payload = (ObjectNode) Events.parse(request.get("body").textValue());
        payload.put("action", action);
        ((ObjectNode) payload.get("release")).put("published_at", publishedAt.toString());
        ((ObjectNode) request.get("headers")).put("x-github-delivery", delivery);
        return withBody(request, payload.toString(), WireMockStandIns.WEBHOOK_SECRET);
    }

    /** A released release, published an hour ago: the delivery that deploys by default. */
    public static ObjectNode released(String delivery) {
        return release("released", Instant.now().minusSeconds(3600), delivery);
    }

    /**
     * What Connect must receive for the fixture's release, deployed with the trigger tests' defaults: its comment
     * ends with the marker of the release's key.
     */
    public static String deployUpdate(String token, String flowId) {
        return """
                {"user_token": "%s",
                 "device_filter": {"project": {"name": "Demo"}, "groups": [],
                                   "filters": [{"type": "device_state", "operand": "is", "value": "online"}]},
                 "deployment_configuration": {"flow_id": "%s",
                   "comment": "octo-org/gateway-firmware v1.4.2 \\"Gateway 1.4.2\\" https://github.com/octo-org/gateway-firmware/releases/tag/v1.4.2 %s",
                   "app": {"name": "gateway-firmware", "version": "v1.4.2"},
                   "parameters_mapping": {"region": "eu"}}}
                """.formatted(token, flowId, DeploymentMarker.of(Markers.NAMESPACE + "/" + RELEASE_KEY).text());
    }

    /** The request with this body, its content-length and signatures recomputed. */
    public static ObjectNode withBody(ObjectNode request, String body, String secret) {
        request.put("body", body);
        ObjectNode headers = (ObjectNode) request.get("headers");
        headers.put("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        headers.remove("x-hub-signature");
        headers.put("x-hub-signature-256", "sha256=" + HexFormat.of().formatHex(hmac(secret, body)));
        return request;
    }

    private static byte[] hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }
}
