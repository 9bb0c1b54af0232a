package io.connectdeployer.secrets;

/** The Connect user token. Implementations cache it; {@link #refresh()} is the one way past the cache. */
public interface TokenProvider {

    /** The token, from the cache while it is fresh. */
    String token();

    /** Reads the token again, bypassing the cache (after Connect said 401/403: it may have been rotated). */
    String refresh();

    /** The secret's id, for messages; never the token. */
    String source();

    /**
     * Drops the cached value so the next {@link #token()} reads the secret again: after a SnapStart restore the
     * snapshot's copy may be days old, and the clock it was timed by has jumped.
     */
    default void forget() {
    }
}
