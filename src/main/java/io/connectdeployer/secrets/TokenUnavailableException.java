package io.connectdeployer.secrets;

import io.connectdeployer.error.DeployerException;

/** The Connect token could not be read: missing secret, access denied, empty or malformed value. Names the secret, never its value. */
public class TokenUnavailableException extends DeployerException {

    public TokenUnavailableException(String message) {
        super(message);
    }

    public TokenUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 500;
    }
}
