package io.connectdeployer.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The secrets that guard the Function URL: GITHUB_WEBHOOK_SECRET_ID and HTTP_BEARER_SECRET_ID. */
public interface FunctionUrlConfig {

    /** GITHUB_WEBHOOK_SECRET_ID: the secret GitHub signs webhook deliveries with; unset, webhooks are refused. */
    @ConfigMapping(prefix = "github")
    interface GitHub {
        Optional<String> webhookSecretId();

        /**
         * GITHUB_HANDOFF_TARGET: the function's own alias ARN. Verified releases are handed to an asynchronous
         * invocation of it (its retries and on-failure destination keep them) and GitHub gets 202 at once.
         * Unset, deliveries deploy synchronously.
         */
        Optional<String> handoffTarget();
    }

    /** HTTP_BEARER_SECRET_ID: the token other callers send as {@code Authorization: Bearer}; unset, only IAM-signed calls pass. */
    @ConfigMapping(prefix = "http")
    interface Http {
        Optional<String> bearerSecretId();
    }
}
