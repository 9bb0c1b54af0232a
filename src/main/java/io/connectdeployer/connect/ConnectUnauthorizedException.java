package io.connectdeployer.connect;

import io.connectdeployer.error.DeployerException;

/** Connect refused the token (401/403) even after it was read again from Secrets Manager. */
public class ConnectUnauthorizedException extends DeployerException {

    public ConnectUnauthorizedException(int connectStatus, String secretId) {
        super("Connect refused the user token (HTTP " + connectStatus + ") even after re-reading secret '" + secretId
                + "'. Put a valid Connect token in it (CONNECT_TOKEN_SECRET_ID); check CONNECT_API_DIALECT matches the token kind.");
    }

    @Override
    public int httpStatus() {
        return 502;
    }
}
