package io.connectdeployer.url;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.deadline.DeadlineExceededException;
import io.connectdeployer.secrets.RereadingSecret;
import io.connectdeployer.secrets.TokenProvider;
import io.connectdeployer.secrets.TokenUnavailableException;
import io.connectdeployer.trigger.BearerToken;
import io.connectdeployer.trigger.FunctionUrlRequest;
import io.connectdeployer.trigger.RequestRejectedException;
import io.connectdeployer.trigger.WebhookSignature;

/**
 * Decides whether a Function URL request may deploy: GitHub deliveries by their signature, other callers by IAM
 * (the URL's own authorizer) or a bearer token. The secrets come from Secrets Manager, cached like the token.
 * Until a caller is authenticated it learns only what it can fix: the answers are the same whether a secret is
 * configured or not, and secret ids, variables and IAM hints go to the log line only.
 */
public final class RequestAuthenticator {

    /** A mismatch reads a secret again at most this often (it may have been rotated). */
    static final Duration REREAD_INTERVAL = Duration.ofMinutes(1);
    /** When a secret cannot be read, callers are told to come back after this long. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final Optional<RereadingSecret> webhookSecret;
    private final Optional<RereadingSecret> bearerSecret;

    public RequestAuthenticator(Optional<TokenProvider> webhookSecret, Optional<TokenProvider> bearerSecret, LongSupplier nanoClock) {
        this.webhookSecret = webhookSecret.map(secret -> new RereadingSecret(secret, REREAD_INTERVAL, nanoClock));
        this.bearerSecret = bearerSecret.map(secret -> new RereadingSecret(secret, REREAD_INTERVAL, nanoClock));
    }

    /** @throws RequestRejectedException 401 unless the body carries a valid {@code x-hub-signature-256}; 503 when the secret cannot be read */
    void verifyGitHub(FunctionUrlRequest request, Deadline deadline) {
        String unset = webhookSecret.isPresent() ? null : "GITHUB_WEBHOOK_SECRET_ID is not set, so no delivery is accepted";
        String signature = request.header("x-hub-signature-256");
        if (signature == null) {
            throw unauthorized("The GitHub delivery is not signed: give the webhook a secret",
                    unset != null ? unset : "the webhook's secret must be the value in GITHUB_WEBHOOK_SECRET_ID");
        }
        if (!accepts(webhookSecret, secret -> WebhookSignature.matches(secret, request.body(), signature), deadline)) {
            throw unauthorized("The x-hub-signature-256 does not match the body: check the webhook's secret", unset);
        }
    }

    /** @throws RequestRejectedException 401 unless the URL is IAM-authenticated or the bearer token matches; 503 when the secret cannot be read */
    void verifyCaller(FunctionUrlRequest request, Deadline deadline) {
        if (request.iamAuthenticated()) {
            return;
        }
        String unset = bearerSecret.isPresent() ? null
                : "HTTP_BEARER_SECRET_ID is not set, so only requests to an AWS_IAM Function URL pass";
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw challenge("Missing Authorization: Bearer <token>", unset);
        }
        if (!accepts(bearerSecret, secret -> BearerToken.matches(authorization, secret), deadline)) {
            throw challenge("The bearer token is not valid", unset);
        }
    }

    /** Drops both cached secrets (see {@link TokenProvider#forget()}). */
    public void forget() {
        webhookSecret.ifPresent(RereadingSecret::forget);
        bearerSecret.ifPresent(RereadingSecret::forget);
    }

    /** Reads both secrets now, in the init phase, so the first request does not pay for them. */
    public void prefetch(Deadline deadline) {
        webhookSecret.ifPresent(secret -> secret.prefetch(deadline));
        bearerSecret.ifPresent(secret -> secret.prefetch(deadline));
    }

    /**
     * No secret accepts nothing. A secret that cannot be read (in time) is the function's problem, not the caller's:
     * 503, and the reason only in the log, since it names the secret.
     */
    private static boolean accepts(Optional<RereadingSecret> secret, Predicate<String> credential, Deadline deadline) {
        try {
            return secret.isPresent() && secret.get().accepts(credential, deadline);
        } catch (TokenUnavailableException | DeadlineExceededException unreadable) {
            throw new RequestRejectedException(503, "The request could not be authenticated right now; try again later",
                    Map.of("retry-after", String.valueOf(RETRY_AFTER.toSeconds())), unreadable.getMessage());
        }
    }

    private static RequestRejectedException unauthorized(String message, String logDetail) {
        return new RequestRejectedException(401, message, Map.of(), logDetail);
    }

    /** RFC 6750: a 401 for a bearer-protected resource names the scheme. */
    private static RequestRejectedException challenge(String message, String logDetail) {
        return new RequestRejectedException(401, message, Map.of("www-authenticate", "Bearer"), logDetail);
    }
}
