package io.connectdeployer.runtime;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.config.AwsRegion;
import io.connectdeployer.config.ConnectConfig;
import io.connectdeployer.config.DedupeConfig;
import io.connectdeployer.config.DeployConfig;
import io.connectdeployer.config.DeploySettings;
import io.connectdeployer.config.FunctionConfig;
import io.connectdeployer.config.FunctionUrlConfig;
import io.connectdeployer.config.MetricsConfig;
import io.connectdeployer.config.SettingsParser;
import io.connectdeployer.connect.ConnectBodies;
import io.connectdeployer.connect.ConnectClient;
import io.connectdeployer.connect.ConnectDeployer;
import io.connectdeployer.connect.Reconciler;
import io.connectdeployer.connect.RestConnectClient;
import io.connectdeployer.connect.RetryPolicy;
import io.connectdeployer.connect.Sleeper;
import io.connectdeployer.deadline.Deadlines;
import io.connectdeployer.dedupe.DynamoDbDeduplicationStore;
import io.connectdeployer.function.Deduplicator;
import io.connectdeployer.handoff.LambdaReleaseHandOff;
import io.connectdeployer.handoff.ReleaseHandOff;
import io.connectdeployer.metrics.DeploymentMetrics;
import io.connectdeployer.route.CachedRoutes;
import io.connectdeployer.route.Routes;
import io.connectdeployer.route.SsmRouteReader;
import io.connectdeployer.secrets.CachedTokenProvider;
import io.connectdeployer.secrets.NoTokenProvider;
import io.connectdeployer.secrets.SecretReader;
import io.connectdeployer.secrets.SecretsManagerSecretReader;
import io.connectdeployer.secrets.TokenProvider;
import io.connectdeployer.url.RequestAuthenticator;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the edges once, in the Lambda init phase: validated settings, the Secrets Manager and Connect clients,
 * and the token itself, so the first invocation pays for none of it. The AWS clients come from {@link AwsClients},
 * through providers: only a configured secret or table builds one.
 */
@ApplicationScoped
public class Wiring {

    private static final Logger LOG = Logger.getLogger(Wiring.class);

    /** Held so CRaC's weak reference to it lives as long as the function. */
    private SnapStartRestore snapStartRestore;

    @Produces
    @Singleton
    DeploySettings settings(ConnectConfig connect, DeployConfig deploy, DedupeConfig dedupe, FunctionConfig function,
            ObjectMapper mapper) {
        return SettingsParser.parse(connect, deploy, dedupe, function, LaunchMode.current() == LaunchMode.DEVELOPMENT, mapper);
    }

    /** The metrics line's settings, checked at startup; its static parts rendered once, here. */
    @Produces
    @Singleton
    DeploymentMetrics metrics(MetricsConfig config) {
        return DeploymentMetrics.of(config);
    }

    /** Each invocation's deadline, on the monotonic clock: wall-clock time may jump. */
    @Produces
    @Singleton
    Deadlines deadlines(DeploySettings settings) {
        return new Deadlines(settings.deadline(), System::nanoTime);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The Lambda client is built only when a hand-off target is set: without one, nothing touches the SDK. */
    @Produces
    @Singleton
    ReleaseHandOff releaseHandOff(FunctionUrlConfig.GitHub github, Provider<LambdaClient> lambda) {
        return github.handoffTarget()
                .<ReleaseHandOff> map(target -> new LambdaReleaseHandOff(lambda.get(), target))
                .orElse(ReleaseHandOff.NONE);
    }

    @Produces
    @Singleton
    SecretReader secretReader(SecretsManagerClient client) {
        return new SecretsManagerSecretReader(client);
    }

    @Produces
    @Singleton
    TokenProvider tokens(ConnectConfig connect, Provider<SecretReader> reader, ObjectMapper mapper) {
        return connect.tokenSecretId()
                .<TokenProvider> map(secretId -> new CachedTokenProvider(secretId, connect.tokenSecretKey(),
                        connect.tokenTtl(), reader.get(), mapper, System::nanoTime))
                .orElseGet(NoTokenProvider::new);
    }

    /**
     * A claim outlives the longest invocation (FUNCTION_TIMEOUT, or what the deadline settings imply) by a minute,
     * so only the claim of an invocation that died is ever taken over.
     */
    @Produces
    @Singleton
    Deduplicator deduplicator(DedupeConfig dedupe, DeploySettings settings, Provider<DynamoDbClient> dynamoDb, ObjectMapper mapper) {
        return new Deduplicator(
                dedupe.table().map(table -> new DynamoDbDeduplicationStore(dynamoDb.get(), table)),
                settings.deadline().claimLock(), dedupe.ttl(), dedupe.failOpen(), Clock.systemUTC(), mapper);
    }

    /** The webhook and bearer secrets: the string itself, or a JSON object's {@code secret} key; cached like the token. */
    @Produces
    @Singleton
    RequestAuthenticator authenticator(FunctionUrlConfig.GitHub github, FunctionUrlConfig.Http http, ConnectConfig connect,
            Provider<SecretReader> reader, ObjectMapper mapper) {
        return new RequestAuthenticator(
                github.webhookSecretId().map(id -> secret("GitHub webhook secret", id, connect, reader.get(), mapper)),
                http.bearerSecretId().map(id -> secret("bearer token", id, connect, reader.get(), mapper)),
                System::nanoTime);
    }

    private static TokenProvider secret(String what, String secretId, ConnectConfig connect, SecretReader reader,
            ObjectMapper mapper) {
        return new CachedTokenProvider(new CachedTokenProvider.Label(what, null), secretId, "secret", connect.tokenTtl(),
                reader, mapper, System::nanoTime);
    }

    /**
     * The routing table from SSM when DEPLOY_ROUTES_PATH is set (read at init, see {@link #init}); without it, no
     * routes and no SSM client.
     */
    @Produces
    @Singleton
    Routes routes(DeployConfig deploy, DeploySettings settings, Provider<SsmClient> ssm, ObjectMapper mapper) {
        return deploy.routesPath()
                .<Routes> map(path -> new CachedRoutes(path, deploy.routesTtl(), new SsmRouteReader(ssm.get()),
                        settings.defaults(), mapper, System::nanoTime))
                .orElse(Routes.NONE);
    }

    @Produces
    @Singleton
    ConnectClient connectClient(DeploySettings settings, ConnectConfig connect) {
        return new RestConnectClient(settings.apiUrl(), settings.dialect(), connect.connectTimeout(), connect.readTimeout());
    }

    @Produces
    @Singleton
    ConnectDeployer deployer(ConnectClient client, TokenProvider tokens, ConnectConfig connect, DeploySettings settings,
            ObjectMapper mapper) {
        RandomGenerator random = new SecureRandom();
        Duration attempt = connect.connectTimeout().plus(connect.readTimeout());
        ConnectBodies bodies = new ConnectBodies(mapper);
        return new ConnectDeployer(client, tokens, new RetryPolicy(connect.maxAttempts(), connect.retryBaseDelay(),
                connect.retryMaxDelay(), attempt), Sleeper.THREAD, System::nanoTime, random::nextDouble, bodies,
                new Reconciler(client, bodies, settings.dialect(), connect.settleTime(), attempt, Sleeper.THREAD));
    }

    /**
     * Creates every bean above at startup and reads the secrets, so bad settings fail init and not the first event;
     * the region first, so a missing one fails init with its own one-line message. Says which deadline applies.
     * Building the AWS clients and reading the routes and secrets runs beside the priming of the Connect path: the
     * two are independent, and Lambda's init phase has the CPU to overlap them. Ends with one line saying what each
     * step took (see {@link InitTimings}).
     */
    void init(@Observes StartupEvent started, AwsRegion region, DeploySettings settings, DeploymentMetrics metrics,
            ObjectMapper mapper, ConnectClient client,
            Provider<TokenProvider> tokens, Provider<RequestAuthenticator> authenticator, Provider<ConnectDeployer> deployer,
            Provider<Deduplicator> dedupe, Provider<ReleaseHandOff> handOff, Provider<Routes> routes) {
        if (settings.deadline().functionTimeout().isPresent()) {
            LOG.info(settings.deadline().startupNote());
        } else {
            LOG.warn(settings.deadline().startupNote());
        }
        InitTimings timings = new InitTimings(System::nanoTime);
        CompletableFuture<Void> secrets = CompletableFuture.runAsync(() -> {
                    // The AWS clients are built here: the dedupe table's, the Lambda client when GITHUB_HANDOFF_TARGET
                    // is set, SSM's for routes, Secrets Manager's for the token and the Function URL secrets.
                    timings.time("aws clients", () -> {
                        dedupe.get();
                        handOff.get();
                        routes.get();
                        tokens.get();
                        authenticator.get();
                    });
                    // A routing table that cannot be read or has a bad route fails init: see CachedRoutes.
                    if (routes.get() instanceof CachedRoutes cached) {
                        timings.time("routes", () -> cached.load(StartupSecrets.deadline(System::nanoTime)));
                    }
                    timings.time("secrets", () -> StartupSecrets.read(settings.defaults().dryRun(), tokens.get(),
                            authenticator.get(), StartupSecrets.deadline(System::nanoTime)));
                },
                task -> new Thread(task, "init-secrets").start());
        timings.time("priming", () -> {
            try {
                Priming.run(settings, mapper, client);
            } catch (RuntimeException | JsonProcessingException unexpected) {
                // Priming only warms code paths; a failure here must not stop the function.
                LOG.warn("priming failed: " + unexpected);
            }
        });
        long waiting = System.nanoTime();
        try {
            secrets.join();
        } catch (CompletionException failed) {
            // The failure itself (a bad route, a missing table) is the message init should end with.
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        } finally {
            timings.record("then waited", waiting);
        }
        deployer.get();
        LOG.info(timings.summary());
        snapStartRestore = SnapStartRestore.register(tokens.get(), authenticator.get());
    }
}
