package io.connectdeployer.secrets;

import io.connectdeployer.deadline.Deadline;

/** The Connect user token. Implementations cache it; {@link #refresh(Deadline)} is the one way past the cache. */
public interface TokenProvider {

    /** The token, from the cache while it is fresh; a read, when it must read, ends by {@code deadline}. */
    String token(Deadline deadline);

    /** Reads the token again within {@code deadline}, bypassing the cache (after Connect said 401/403: it may have been rotated). */
    String refresh(Deadline deadline);

    /** The secret's id, for messages; never the token. */
    String source();

    /** How often the secret has been read (not served from the cache) since start: a deployment's metric is the difference. */
    default long reads() {
        return 0;
    }

    /**
     * Drops the cached value so the next {@link #token(Deadline)} reads the secret again: after a SnapStart restore the
     * snapshot's copy may be days old, and the clock it was timed by has jumped.
     */
    default void forget() {
    }
}
