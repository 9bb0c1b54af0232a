package io.connectdeployer.secrets;

import io.connectdeployer.deadline.Deadline;

/** Reads a secret's current string value; the edge to AWS Secrets Manager. */
@FunctionalInterface
public interface SecretReader {

    /**
     * @throws TokenUnavailableException naming the secret and what to fix
     * @throws io.connectdeployer.deadline.DeadlineExceededException when the deadline passed before or during the read
     */
    String read(String secretId, Deadline deadline);
}
