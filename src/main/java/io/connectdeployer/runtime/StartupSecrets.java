package io.connectdeployer.runtime;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.secrets.TokenProvider;
import io.connectdeployer.url.RequestAuthenticator;

/**
 * Reads the secrets during init, so the first invocation does not pay for them, within a budget of their own:
 * Lambda allows init 10 s in all (ours takes about 2 s in JVM mode, see bench/RESULTS.md), and one read that hangs
 * could take longer (connect 3 s + read 10 s per SDK attempt, and its retries). What is not read in time is left
 * to the first invocation, as a read that failed is.
 */
final class StartupSecrets {

    static final Duration BUDGET = Duration.ofSeconds(3);

    private static final Logger LOG = Logger.getLogger(StartupSecrets.class);

    private StartupSecrets() {
    }

    /** The deadline all reads at init share, starting now. */
    static Deadline deadline(LongSupplier nanoClock) {
        return Deadline.after(BUDGET, "the " + Deadline.text(BUDGET) + " init gives to reading secrets", nanoClock);
    }

    /** @param dryRun no Connect token is needed, so none is read */
    static void read(boolean dryRun, TokenProvider tokens, RequestAuthenticator authenticator, Deadline deadline) {
        try {
            authenticator.prefetch(deadline);
        } catch (DeployerException unavailable) {
            LOG.warn("Function URL secret not read at startup: " + unavailable.getMessage());
        }
        if (dryRun) {
            LOG.info("dry run: payloads are returned, Connect is not called");
            return;
        }
        try {
            tokens.token(deadline);
        } catch (DeployerException unavailable) {
            // Not fatal: the secret may be created after the function, or be slow now. Each invocation retries and reports it.
            LOG.warn("Connect token not read at startup: " + unavailable.getMessage());
        }
    }
}
