package io.connectdeployer.function;

import java.util.Map;
import java.util.Optional;

import io.connectdeployer.secrets.TokenProvider;
import io.connectdeployer.trigger.BearerToken;
import io.connectdeployer.trigger.FunctionUrlRequest;
import io.connectdeployer.trigger.RequestRejectedException;
import io.connectdeployer.trigger.WebhookSignature;

/**
 * Decides whether a Function URL request may deploy: GitHub deliveries by their signature, other callers by IAM
 * (the URL's own authorizer) or a bearer token. The secrets come from Secrets Manager, cached like the token.
 */
public final class RequestAuthenticator {

    private final Optional<TokenProvider> webhookSecret;
    private final Optional<TokenProvider> bearerSecret;

    public RequestAuthenticator(Optional<TokenProvider> webhookSecret, Optional<TokenProvider> bearerSecret) {
        this.webhookSecret = webhookSecret;
        this.bearerSecret = bearerSecret;
    }

    /** @throws RequestRejectedException 401 unless the body carries a valid {@code x-hub-signature-256} */
    void verifyGitHub(FunctionUrlRequest request) {
        TokenProvider secret = webhookSecret.orElseThrow(() -> unauthorized(
                "GitHub webhooks are not accepted: GITHUB_WEBHOOK_SECRET_ID is not set"));
        String signature = request.header("x-hub-signature-256");
        if (signature == null) {
            throw unauthorized("The GitHub delivery is not signed: set the webhook's secret to the value of GITHUB_WEBHOOK_SECRET_ID");
        }
        if (!WebhookSignature.matches(secret.token(), request.body(), signature)) {
            throw unauthorized("The x-hub-signature-256 does not match the body: check the webhook's secret");
        }
    }

    /** @throws RequestRejectedException 401 unless the URL is IAM-authenticated or the bearer token matches */
    void verifyCaller(FunctionUrlRequest request) {
        if (request.iamAuthenticated()) {
            return;
        }
        String authorization = request.header("authorization");
        if (bearerSecret.isEmpty()) {
            throw challenge("Unauthenticated request: use an AWS_IAM Function URL, or set HTTP_BEARER_SECRET_ID and send Authorization: Bearer <token>");
        }
        if (authorization == null) {
            throw challenge("Missing Authorization: Bearer <token>");
        }
        if (!BearerToken.matches(authorization, bearerSecret.get().token())) {
            throw challenge("The bearer token is not valid");
        }
    }

    /** Drops both cached secrets (see {@link TokenProvider#forget()}). */
    void forget() {
        webhookSecret.ifPresent(TokenProvider::forget);
        bearerSecret.ifPresent(TokenProvider::forget);
    }

    /** Reads both secrets now, in the init phase, so the first request does not pay for them. */
    void prefetch() {
        webhookSecret.ifPresent(TokenProvider::token);
        bearerSecret.ifPresent(TokenProvider::token);
    }

    private static RequestRejectedException unauthorized(String message) {
        return new RequestRejectedException(401, message);
    }

    /** RFC 6750: a 401 for a bearer-protected resource names the scheme. */
    private static RequestRejectedException challenge(String message) {
        return new RequestRejectedException(401, message, Map.of("www-authenticate", "Bearer"));
    }
}
