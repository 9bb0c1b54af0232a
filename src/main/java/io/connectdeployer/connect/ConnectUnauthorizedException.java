package io.connectdeployer.connect;

import io.connectdeployer.error.DeployerException;

/** Connect refused the token (401/403) even after it was read again, or when no attempt was left to read it again. */
public class ConnectUnauthorizedException extends DeployerException {

    /** @param reread whether a fresh read of the secret was tried too; it counts as an attempt, so none may be left for it */
    public ConnectUnauthorizedException(int connectStatus, String secretId, boolean reread, int maxAttempts) {
        super("Connect refused the user token (HTTP " + connectStatus + ")"
                + (reread ? " even after re-reading secret '" + secretId + "'"
                        : " from secret '" + secretId + "', and no attempt was left to read it again (CONNECT_MAX_ATTEMPTS="
                                + maxAttempts + "; a rotated token needs one attempt more)")
                + ". Put a valid Connect token in it (CONNECT_TOKEN_SECRET_ID); check CONNECT_API_DIALECT matches the token kind.");
    }

    @Override
    public int httpStatus() {
        return 502;
    }
}
