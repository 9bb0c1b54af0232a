package io.connectdeployer.handoff;

import java.time.Duration;
import java.util.Optional;

import io.connectdeployer.deadline.Deadline;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * {@code Invoke} with {@code InvocationType=Event}: Lambda queues the event and answers 202 at once. The target is
 * the alias that carries the async configuration; Lambda tells a function only its version, so it is configured.
 */
public final class LambdaReleaseHandOff implements ReleaseHandOff {

    /** GitHub allows a delivery 10 s: the hand-off must end well within it, the SDK's retries included. */
    static final Duration GITHUB_ALLOWS = Duration.ofSeconds(5);

    private final LambdaClient lambda;
    private final String target;

    public LambdaReleaseHandOff(LambdaClient lambda, String target) {
        this.lambda = lambda;
        this.target = target;
    }

    @Override
    public Optional<String> target() {
        return Optional.of(target);
    }

    @Override
    public void send(byte[] event, Deadline deadline) {
        String handing = "handing the release to " + target;
        Duration left = deadline.timeoutFor(handing);
        boolean deadlineFirst = left.compareTo(GITHUB_ALLOWS) < 0;
        Duration timeout = deadlineFirst ? left : GITHUB_ALLOWS;
        InvokeResponse response;
        try {
            response = lambda.invoke(request -> request.functionName(target).invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromByteArrayUnsafe(event)).overrideConfiguration(call -> call.apiCallTimeout(timeout)));
        } catch (ApiCallTimeoutException cut) {
            if (deadlineFirst) {
                throw deadline.exceeded("while " + handing, cut);
            }
            throw new HandOffFailedException("The release could not be handed to " + target + ": Lambda did not accept it within "
                    + Deadline.text(GITHUB_ALLOWS), cut);
        } catch (LambdaException refused) {
            throw new HandOffFailedException("The release could not be handed to " + target + ": Lambda answered "
                    + refused.awsErrorDetails().errorCode() + " (HTTP " + refused.statusCode() + ")"
                    + (refused.statusCode() == 403 ? "; grant the function lambda:InvokeFunction on it" : ""), refused);
        } catch (SdkClientException unreachable) {
            throw new HandOffFailedException("The release could not be handed to " + target + ": Lambda could not be reached ("
                    + unreachable.getMessage() + ")", unreachable);
        }
        if (response.statusCode() != 202) {
            throw new HandOffFailedException("The release could not be handed to " + target + ": Lambda answered HTTP "
                    + response.statusCode() + " instead of 202", null);
        }
    }
}
