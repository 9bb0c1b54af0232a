package io.connectdeployer.secrets;

/** Reads a secret's current string value; the edge to AWS Secrets Manager. */
@FunctionalInterface
public interface SecretReader {

    /** @throws TokenUnavailableException naming the secret and what to fix */
    String read(String secretId);
}
