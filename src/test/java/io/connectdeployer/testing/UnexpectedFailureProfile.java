package io.connectdeployer.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.connect.ConnectClient;
import io.connectdeployer.connect.ConnectReply;
import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.function.Deduplicator;
import io.quarkus.arc.Unremovable;

/**
 * {@link TriggerProfile} with a bug in the Connect path (the client throws an {@link IllegalStateException}, none of
 * our exception types) and duplicate suppression on, in the in-memory table the test reads.
 */
public class UnexpectedFailureProfile extends TriggerProfile {

    /** The bug's message: it must reach the log, never a caller. */
    public static final String BUG = "simulated bug in the Connect path";

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(Beans.class);
    }

    /** Selected by this profile only, so every other test keeps the real beans. */
    @Alternative
    @Singleton
    public static class Beans {

        @Produces
        @Singleton
        @Alternative
        @Unremovable
        InMemoryDeduplicationStore table() {
            return new InMemoryDeduplicationStore();
        }

        @Produces
        @Singleton
        @Alternative
        Deduplicator deduplicator(InMemoryDeduplicationStore table, ObjectMapper mapper) {
            return new Deduplicator(Optional.of(table), Duration.ofMinutes(1), Duration.ofHours(1), false, Clock.systemUTC(), mapper);
        }

        @Produces
        @Singleton
        @Alternative
        ConnectClient brokenConnect() {
            return new ConnectClient() {

                @Override
                public ConnectReply deploy(DeployRequest request, String token) {
                    throw new IllegalStateException(BUG);
                }

                @Override
                public ConnectReply listDeployments(String project, String after, int limit, String token) {
                    throw new IllegalStateException(BUG);
                }
            };
        }
    }
}
