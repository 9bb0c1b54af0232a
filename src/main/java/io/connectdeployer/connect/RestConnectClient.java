package io.connectdeployer.connect;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.connectdeployer.deploy.DeployRequest;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/** {@link ConnectClient} over HTTP with the Quarkus REST client. */
public final class RestConnectClient implements ConnectClient {

    private final ConnectApi api;
    private final ConnectDialect dialect;
    private final URI baseUri;

    public RestConnectClient(URI baseUri, ConnectDialect dialect, Duration connectTimeout, Duration readTimeout) {
        this.baseUri = baseUri;
        this.dialect = dialect;
        // Built programmatically so the URL and timeouts come from the validated CONNECT_* settings; statuses are
        // ours to interpret (ConnectDeployer), so the default mapper that throws on >= 400 is off. No keep-alive: a
        // pooled connection that Connect's side closed while Lambda froze the function would fail a request that
        // never reached Connect as a reset, which reads as "sent, no answer" (an unknown outcome).
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(QuarkusRestClientProperties.KEEP_ALIVE_ENABLED, false)
                .disableDefaultMapper(true)
                .build(ConnectApi.class);
    }

    @Override
    public ConnectReply deploy(DeployRequest request, String token) {
        ConnectPayload payload = dialect.payload(request, token);
        try (Response response = switch (dialect) {
            case DEPLOY_UPDATE -> api.deployUpdate(payload);
            case DEPLOYMENTS -> api.deployments(request.project(), "Bearer " + token, payload);
        }) {
            return reply(response);
        } catch (ProcessingException noAnswer) {
            throw noAnswer(noAnswer);
        }
    }

    @Override
    public ConnectReply listDeployments(String project, String after, int limit, String token) {
        try (Response response = api.listDeployments(project, "Bearer " + token, limit, after)) {
            return reply(response);
        } catch (ProcessingException noAnswer) {
            throw noAnswer(noAnswer);
        }
    }

    private static ConnectReply reply(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new ConnectReply(response.getStatus(), body,
                RetryAfter.parse(response.getHeaderString(HttpHeaders.RETRY_AFTER), Instant.now()));
    }

    private ConnectTransportException noAnswer(ProcessingException failure) {
        boolean notSent = TransportFailures.beforeSending(failure);
        return new ConnectTransportException((notSent ? "could not reach " : "no answer from ") + baseUri + ": "
                + TransportFailures.describe(failure), failure, !notSent);
    }

    /**
     * Sends a sample payload to a loopback port nothing listens on: the refusal is immediate and nothing leaves
     * the host, but the client's serialisation, connection and error paths are loaded and linked during init
     * instead of during the first deployment (they are most of its first-call cost).
     */
    @Override
    public void prime(DeployRequest sample) {
        ConnectApi nowhere = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create("http://127.0.0.1:1"))
                .connectTimeout(200, TimeUnit.MILLISECONDS)
                .readTimeout(200, TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(ConnectApi.class);
        try (Response response = nowhere.deployUpdate(dialect.payload(sample, "***"))) {
            response.getStatus();
        } catch (ProcessingException expected) {
            // Refused, as intended.
        }
    }
}
