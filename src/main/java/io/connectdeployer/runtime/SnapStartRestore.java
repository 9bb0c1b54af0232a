package io.connectdeployer.runtime;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import io.connectdeployer.secrets.TokenProvider;
import io.connectdeployer.url.RequestAuthenticator;

/**
 * With SnapStart, init runs once and every cold start resumes from its snapshot, so the secrets read at init could
 * be any age. After a restore the cached copies are dropped and read again on first use (CRaC, which Lambda's
 * SnapStart runtime hooks implement). Registered at init; CRaC keeps only a weak reference, so the owner holds one.
 */
final class SnapStartRestore implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartRestore.class);

    private final TokenProvider tokens;
    private final RequestAuthenticator authenticator;

    private SnapStartRestore(TokenProvider tokens, RequestAuthenticator authenticator) {
        this.tokens = tokens;
        this.authenticator = authenticator;
    }

    static SnapStartRestore register(TokenProvider tokens, RequestAuthenticator authenticator) {
        SnapStartRestore hook = new SnapStartRestore(tokens, authenticator);
        Core.getGlobalContext().register(hook);
        return hook;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Nothing to close: the HTTP clients open connections per call and keep none across invocations here.
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        tokens.forget();
        authenticator.forget();
        LOG.info("restored from a SnapStart snapshot: cached secrets dropped, read again on first use");
    }
}
