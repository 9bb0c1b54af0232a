package io.connectdeployer.secrets;

import java.time.Duration;

import io.connectdeployer.deadline.Deadline;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * GetSecretValue through the AWS SDK, whose standard chains pick region, credentials and endpoint
 * (AWS_ENDPOINT_URL_SECRETS_MANAGER or AWS_ENDPOINT_URL point it at a local emulator).
 */
public final class SecretsManagerSecretReader implements SecretReader {

    private final SecretsManagerClient client;

    public SecretsManagerSecretReader(SecretsManagerClient client) {
        this.client = client;
    }

    @Override
    public String read(String secretId, Deadline deadline) {
        String what = "reading secret '" + secretId + "'";
        // The SDK's retries each wait out their own connect and read timeouts; the call as a whole gets what is left.
        Duration timeout = deadline.timeoutFor(what);
        try {
            GetSecretValueResponse response = client.getSecretValue(request -> request.secretId(secretId)
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
            if (response.secretString() == null) {
                throw new TokenUnavailableException("Secret '" + secretId + "' holds binary data; store the Connect token as a secret string");
            }
            return response.secretString();
        } catch (ResourceNotFoundException missing) {
            throw new TokenUnavailableException("Secret '" + secretId + "' was not found, or has no current value: "
                    + "create it and put its value in it with aws secretsmanager put-secret-value", missing);
        } catch (DecryptionFailureException kms) {
            throw new TokenUnavailableException("Secret '" + secretId + "' could not be decrypted: grant the function kms:Decrypt on its key", kms);
        } catch (SecretsManagerException denied) {
            if (denied.isThrottlingException() || denied.statusCode() >= 500) {
                throw new TokenUnavailableException("Secret '" + secretId + "' could not be read: Secrets Manager answered "
                        + denied.awsErrorDetails().errorCode() + " (HTTP " + denied.statusCode() + ") after the SDK's retries; "
                        + "nothing was deployed, and a later retry should succeed", denied);
            }
            throw new TokenUnavailableException("Secret '" + secretId + "' could not be read ("
                    + denied.awsErrorDetails().errorCode() + "): grant the function secretsmanager:GetSecretValue on it", denied);
        } catch (ApiCallTimeoutException cut) {
            throw deadline.exceeded("while " + what, cut);
        } catch (SdkClientException unreachable) {
            throw new TokenUnavailableException("Secrets Manager could not be reached for secret '" + secretId + "': "
                    + unreachable.getMessage(), unreachable);
        }
    }
}
