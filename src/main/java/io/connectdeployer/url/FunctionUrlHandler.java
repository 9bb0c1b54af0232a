package io.connectdeployer.url;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.error.DeployerException;
import io.connectdeployer.error.UnexpectedFailureException;
import io.connectdeployer.function.DeployRunner;
import io.connectdeployer.function.InvocationLog;
import io.connectdeployer.trigger.DirectEvents;
import io.connectdeployer.trigger.FunctionUrlRequest;
import io.connectdeployer.trigger.JsonBody;
import io.connectdeployer.trigger.Source;

/**
 * Answers a Lambda Function URL request. Every outcome, failures included, is an HTTP response: an error thrown
 * here would reach the caller as Lambda's bare 502, without the reason.
 */
@ApplicationScoped
public class FunctionUrlHandler {

    private static final Logger LOG = Logger.getLogger(FunctionUrlHandler.class);

    private final DeployRunner runner;
    private final RequestAuthenticator authenticator;
    private final GitHubWebhookHandler github;
    private final FunctionUrlResponses responses;
    private final ObjectReader bodyReader;

    public FunctionUrlHandler(DeployRunner runner, RequestAuthenticator authenticator, GitHubWebhookHandler github,
            FunctionUrlResponses responses, ObjectMapper mapper) {
        this.runner = runner;
        this.authenticator = authenticator;
        this.github = github;
        this.responses = responses;
        this.bodyReader = JsonBody.reader(mapper);
    }

    public FunctionUrlResponse handle(JsonNode event, Deadline deadline) {
        long started = System.nanoTime();
        // Known before anything is checked, so every GitHub answer and log line names the delivery.
        Source source = FunctionUrlRequest.fromGitHub(event) ? Source.GITHUB : Source.HTTP;
        String delivery = source == Source.GITHUB ? FunctionUrlRequest.githubDelivery(event) : null;
        try {
            FunctionUrlRequest request = FunctionUrlRequest.parse(event);
            if (source == Source.HTTP) {
                authenticator.verifyCaller(request, deadline);
                return responses.answer(runner.run(DirectEvents.from(request.json(bodyReader), Source.HTTP), deadline));
            }
            authenticator.verifyGitHub(request, deadline);
            return github.handle(request, request.header("x-github-event"), delivery, deadline);
        } catch (DeployerException refused) {
            return refused(source, delivery, refused, started);
        } catch (RuntimeException unexpected) {
            // A bug, not a refusal: the caller gets a JSON 500 without message or stack trace; the log keeps both.
            LOG.error("unexpected failure answering a Function URL request", unexpected);
            return refused(source, delivery, new UnexpectedFailureException(unexpected), started);
        }
    }

    private FunctionUrlResponse refused(Source source, String delivery, DeployerException refused, long started) {
        InvocationLog.failure(source, delivery, null, refused, started);
        return responses.refused(source, delivery, refused);
    }
}
