package io.connectdeployer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.dedupe.DedupeUnavailableException;
import io.connectdeployer.dedupe.DeduplicationStore.Claim;
import io.connectdeployer.dedupe.DynamoDbDeduplicationStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store's conditional writes against a real DynamoDB API (moto_server's). */
class DynamoDbDeduplicationStoreIT {

    private static final String TABLE = "dedupe-store-it";
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static MotoServer moto;
    /** Each call gets what is left of it as its apiCallTimeout: far more than moto_server needs. */
    private static final Deadline DEADLINE = Deadline.after(Duration.ofMinutes(10), "the test's 10 minutes", System::nanoTime);

    private static DynamoDbClient client;
    private static DynamoDbDeduplicationStore store;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(MotoServer.installed(), "moto_server is not installed: DynamoDB store check skipped");
        moto = MotoServer.start();
        DedupeTable.create(moto.endpoint(), TABLE);
        client = DedupeTable.client(moto.endpoint());
        store = new DynamoDbDeduplicationStore(client, TABLE);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void should_let_one_claim_win_and_answer_the_next_with_the_stored_result_once_completed() {
        assertEquals(new Claim.Taken(), store.claim("k-1", NOW, NOW.plusSeconds(60), DEADLINE));
        assertEquals(new Claim.InProgress(NOW.plusSeconds(60)), store.claim("k-1", NOW.plusSeconds(1), NOW.plusSeconds(61), DEADLINE));

        store.complete("k-1", "{\"status\":\"created\"}", NOW.plusSeconds(86_400), DEADLINE);

        assertEquals(new Claim.Completed("{\"status\":\"created\"}"), store.claim("k-1", NOW.plusSeconds(2), NOW.plusSeconds(62), DEADLINE));
    }

    @Test
    void should_let_a_retry_claim_again_when_the_claim_was_released() {
        store.claim("k-2", NOW, NOW.plusSeconds(60), DEADLINE);

        store.release("k-2", DEADLINE);

        assertEquals(new Claim.Taken(), store.claim("k-2", NOW.plusSeconds(1), NOW.plusSeconds(61), DEADLINE));
    }

    @Test
    void should_take_over_a_claim_whose_lock_expired() {
        store.claim("k-3", NOW, NOW.plusSeconds(60), DEADLINE);

        assertEquals(new Claim.Taken(), store.claim("k-3", NOW.plusSeconds(61), NOW.plusSeconds(121), DEADLINE));
    }

    @Test
    void should_not_release_a_completed_result() {
        store.claim("k-4", NOW, NOW.plusSeconds(60), DEADLINE);
        store.complete("k-4", "{}", NOW.plusSeconds(86_400), DEADLINE);

        store.release("k-4", DEADLINE);

        assertEquals(new Claim.Completed("{}"), store.claim("k-4", NOW.plusSeconds(1), NOW.plusSeconds(61), DEADLINE));
    }

    @Test
    void should_fail_as_unavailable_naming_the_table_when_it_does_not_exist() {
        DynamoDbDeduplicationStore missing = new DynamoDbDeduplicationStore(client, "no-such-table");

        DedupeUnavailableException error = assertThrows(DedupeUnavailableException.class,
                () -> missing.claim("k-5", NOW, NOW.plusSeconds(60), DEADLINE));

        assertEquals(true, error.getMessage().startsWith("Could not claim the deployment in DynamoDB table 'no-such-table' (DEDUPE_TABLE): "));
    }
}
