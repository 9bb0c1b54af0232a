package io.connectdeployer.secrets;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import io.connectdeployer.deadline.Deadline;

/**
 * A cached secret that callers' credentials are checked against. A credential that fails against the cached value
 * is checked once more against a fresh read, since the secret may have been rotated since it was cached; so a
 * rotation does not turn every caller away until the cache expires. Fresh reads are at most one per interval, so
 * a stream of bad credentials cannot drive calls to Secrets Manager.
 */
public final class RereadingSecret {

    private final TokenProvider secret;
    private final Duration interval;
    private final LongSupplier nanoClock;
    private boolean reread;
    private long lastRereadNanos;

    public RereadingSecret(TokenProvider secret, Duration interval, LongSupplier nanoClock) {
        this.secret = secret;
        this.interval = interval;
        this.nanoClock = nanoClock;
    }

    /**
     * @throws TokenUnavailableException when the secret cannot be read
     * @throws io.connectdeployer.deadline.DeadlineExceededException when it cannot be read by {@code deadline}
     */
    public boolean accepts(Predicate<String> credential, Deadline deadline) {
        return credential.test(secret.token(deadline)) || mayReread() && credential.test(secret.refresh(deadline));
    }

    /** Reads the secret now (see {@link TokenProvider#token(Deadline)}). */
    public void prefetch(Deadline deadline) {
        secret.token(deadline);
    }

    /** Drops the cached value (see {@link TokenProvider#forget()}). */
    public void forget() {
        secret.forget();
    }

    private synchronized boolean mayReread() {
        long now = nanoClock.getAsLong();
        if (reread && now - lastRereadNanos < interval.toNanos()) {
            return false;
        }
        reread = true;
        lastRereadNanos = now;
        return true;
    }
}
