package io.connectdeployer.dedupe;

import io.connectdeployer.error.DeployerException;

/**
 * The dedupe table could not be read or written. Nothing was deployed: without the claim a redelivery could roll
 * the update out twice (DEDUPE_FAIL_OPEN=true trades that risk for availability). Retryable.
 */
public class DedupeUnavailableException extends DeployerException {

    public DedupeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 503;
    }
}
