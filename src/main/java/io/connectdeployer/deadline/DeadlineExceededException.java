package io.connectdeployer.deadline;

import io.connectdeployer.error.DeployerException;

/**
 * The deadline passed, or too little of it was left, before the work was done: the invocation ends with this
 * (and its log line) instead of being killed by Lambda's timeout. Retryable; a Function URL caller gets 504, as
 * from a gateway whose upstream did not answer in time.
 */
public class DeadlineExceededException extends DeployerException {

    DeadlineExceededException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 504;
    }
}
