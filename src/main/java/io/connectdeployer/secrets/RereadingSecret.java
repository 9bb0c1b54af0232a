package io.connectdeployer.secrets;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

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
     */
    public boolean accepts(Predicate<String> credential) {
        return credential.test(secret.token()) || mayReread() && credential.test(secret.refresh());
    }

    /** Reads the secret now (see {@link TokenProvider#token()}). */
    public void prefetch() {
        secret.token();
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
