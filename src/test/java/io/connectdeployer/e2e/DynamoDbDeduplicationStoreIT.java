package io.connectdeployer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.dedupe.DedupeUnavailableException;
import io.connectdeployer.dedupe.DeduplicationStore.Claim;
import io.connectdeployer.dedupe.DynamoDbDeduplicationStore;
import io.connectdeployer.dedupe.ForeignDedupeItemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The store's conditional writes, owners included, against a real DynamoDB API (moto_server's). */
class DynamoDbDeduplicationStoreIT {

    private static final String TABLE = "dedupe-store-it";
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final String FIRST = "owner-first";
    private static final String SECOND = "owner-second";

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
        assertEquals(new Claim.Taken(), store.claim("k-1", FIRST, NOW, NOW.plusSeconds(60), DEADLINE));
        assertEquals(new Claim.InProgress(NOW.plusSeconds(60)), store.claim("k-1", SECOND, NOW.plusSeconds(1), NOW.plusSeconds(61), DEADLINE));

        assertTrue(store.complete("k-1", FIRST, "{\"status\":\"created\"}", NOW.plusSeconds(86_400), DEADLINE));

        assertEquals(new Claim.Completed("{\"status\":\"created\"}"), store.claim("k-1", SECOND, NOW.plusSeconds(2), NOW.plusSeconds(62), DEADLINE));
    }

    @Test
    void should_answer_every_later_claim_with_the_note_and_refuse_release_once_marked_uncertain() {
        store.claim("k-u", FIRST, NOW, NOW.plusSeconds(60), DEADLINE);

        assertTrue(store.markUncertain("k-u", FIRST, "sent, no answer", NOW.plusSeconds(86_400), DEADLINE));

        assertEquals(new Claim.Uncertain("sent, no answer"), store.claim("k-u", SECOND, NOW.plusSeconds(120), NOW.plusSeconds(180), DEADLINE));
        assertFalse(store.release("k-u", FIRST, DEADLINE), "an uncertain claim is cleared by an operator, not released");
        assertEquals(new Claim.Uncertain("sent, no answer"), store.claim("k-u", FIRST, NOW.plusSeconds(121), NOW.plusSeconds(181), DEADLINE));
    }

    @Test
    void should_let_a_delivery_claim_again_once_an_uncertain_claim_outlived_its_ttl() {
        store.claim("k-v", FIRST, NOW, NOW.plusSeconds(60), DEADLINE);
        store.markUncertain("k-v", FIRST, "sent, no answer", NOW.plusSeconds(3_600), DEADLINE);

        assertEquals(new Claim.Taken(), store.claim("k-v", SECOND, NOW.plusSeconds(3_601), NOW.plusSeconds(3_661), DEADLINE));
    }

    @Test
    void should_not_mark_uncertain_a_claim_another_owner_took_over() {
        store.claim("k-w", FIRST, NOW, NOW.plusSeconds(60), DEADLINE);
        store.claim("k-w", SECOND, NOW.plusSeconds(61), NOW.plusSeconds(121), DEADLINE);

        assertFalse(store.markUncertain("k-w", FIRST, "late", NOW.plusSeconds(86_400), DEADLINE));
        assertEquals(new Claim.InProgress(NOW.plusSeconds(121)), store.claim("k-w", "owner-third", NOW.plusSeconds(62), NOW.plusSeconds(122), DEADLINE));
    }

    @Test
    void should_let_a_retry_claim_again_when_the_claim_was_released() {
        store.claim("k-2", FIRST, NOW, NOW.plusSeconds(60), DEADLINE);

        assertTrue(store.release("k-2", FIRST, DEADLINE));

        assertEquals(new Claim.Taken(), store.claim("k-2", SECOND, NOW.plusSeconds(1), NOW.plusSeconds(61), DEADLINE));
    }

    @Test
    void should_take_over_a_claim_whose_lock_expired() {
        store.claim("k-3", FIRST, NOW, NOW.plusSeconds(60), DEADLINE);

        assertEquals(new Claim.Taken(), store.claim("k-3", SECOND, NOW.plusSeconds(61), NOW.plusSeconds(121), DEADLINE));
    }

    @Test
    void should_not_release_a_completed_result() {
        store.claim("k-4", FIRST, NOW, NOW.plusSeconds(60), DEADLINE);
        store.complete("k-4", FIRST, "{}", NOW.plusSeconds(86_400), DEADLINE);

        assertFalse(store.release("k-4", FIRST, DEADLINE));

        assertEquals(new Claim.Completed("{}"), store.claim("k-4", SECOND, NOW.plusSeconds(1), NOW.plusSeconds(61), DEADLINE));
    }

    @Test
    void should_answer_taken_when_a_claim_that_succeeded_is_sent_again_by_its_owner() {
        // The SDK retries a PutItem whose answer was lost although the write succeeded: the retry finds our own claim.
        store.claim("k-6", FIRST, NOW, NOW.plusSeconds(60), DEADLINE);

        Claim retried = store.claim("k-6", FIRST, NOW, NOW.plusSeconds(60), DEADLINE);

        assertEquals(new Claim.Taken(), retried);
        assertEquals(new Claim.InProgress(NOW.plusSeconds(60)), store.claim("k-6", SECOND, NOW.plusSeconds(1), NOW.plusSeconds(61), DEADLINE));
    }

    @Test
    void should_neither_complete_nor_release_a_claim_another_owner_took_over() {
        store.claim("k-7", FIRST, NOW, NOW.plusSeconds(60), DEADLINE);
        store.claim("k-7", SECOND, NOW.plusSeconds(61), NOW.plusSeconds(121), DEADLINE);

        boolean lateComplete = store.complete("k-7", FIRST, "{\"by\":\"first\"}", NOW.plusSeconds(86_400), DEADLINE);
        boolean lateRelease = store.release("k-7", FIRST, DEADLINE);

        assertFalse(lateComplete);
        assertFalse(lateRelease);
        assertEquals(new Claim.InProgress(NOW.plusSeconds(121)), store.claim("k-7", "third", NOW.plusSeconds(62), NOW.plusSeconds(122), DEADLINE));
        assertTrue(store.complete("k-7", SECOND, "{\"by\":\"second\"}", NOW.plusSeconds(86_400), DEADLINE));
        assertEquals(new Claim.Completed("{\"by\":\"second\"}"), store.claim("k-7", "third", NOW.plusSeconds(63), NOW.plusSeconds(123), DEADLINE));
    }

    @Test
    void should_keep_the_result_when_its_owner_completes_a_claim_that_expired_without_a_takeover() {
        store.claim("k-8", FIRST, NOW, NOW.plusSeconds(60), DEADLINE);

        assertTrue(store.complete("k-8", FIRST, "{}", NOW.plusSeconds(86_400), DEADLINE));

        assertEquals(new Claim.Completed("{}"), store.claim("k-8", SECOND, NOW.plusSeconds(120), NOW.plusSeconds(180), DEADLINE));
    }

    @ParameterizedTest(name = "{0}: expires_at {1}")
    @CsvSource({ "k-9, absent", "k-10, long past" })
    void should_name_the_table_and_leave_a_foreign_item_alone_when_the_key_holds_one(String key, String expiresAt) {
        // A Powertools idempotency record: it keys on id too, and keeps status and expiration instead.
        Map<String, AttributeValue> foreign = new HashMap<>(Map.of("id", AttributeValue.fromS(key),
                "status", AttributeValue.fromS("COMPLETED"), "expiration", AttributeValue.fromN("4102444800")));
        if (!"absent".equals(expiresAt)) {
            foreign.put("expires_at", AttributeValue.fromN("1"));
        }
        client.putItem(put -> put.tableName(TABLE).item(foreign));

        ForeignDedupeItemException error = assertThrows(ForeignDedupeItemException.class,
                () -> store.claim(key, FIRST, NOW, NOW.plusSeconds(60), DEADLINE));

        assertEquals("Item '" + key + "' in DynamoDB table '" + TABLE + "' (DEDUPE_TABLE) was not written by connect-deployer"
                + " (it has no 'state' or 'expires_at'): is the table shared, say with a Powertools idempotency table, which"
                + " also keys on 'id'? Give the function a table of its own, or a DEDUPE_NAMESPACE no one else uses."
                + " Nothing was deployed.", error.getMessage());
        assertEquals(foreign, client.getItem(get -> get.tableName(TABLE).key(Map.of("id", foreign.get("id")))).item());
    }

    @Test
    void should_fail_as_unavailable_naming_the_table_when_it_does_not_exist() {
        DynamoDbDeduplicationStore missing = new DynamoDbDeduplicationStore(client, "no-such-table");

        DedupeUnavailableException error = assertThrows(DedupeUnavailableException.class,
                () -> missing.claim("k-5", FIRST, NOW, NOW.plusSeconds(60), DEADLINE));

        assertEquals(true, error.getMessage().startsWith("Could not claim the deployment in DynamoDB table 'no-such-table' (DEDUPE_TABLE): "));
    }
}
