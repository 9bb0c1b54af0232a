package io.connectdeployer.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.error.DeployerException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The claims in a DynamoDB table: partition key {@code id} (string), TTL attribute {@code expires_at} (epoch
 * seconds), plus {@code state} ({@code in_progress}, {@code completed} or {@code uncertain}), {@code owner} and, once settled,
 * {@code result} (the deployment, or what left it uncertain) ({@code state} and {@code owner}
 * are reserved words, so expressions name them through placeholders). A conditional PutItem is the
 * claim, so two invocations racing for one event cannot both win; completing and releasing are conditional on the
 * owner. TTL deletion lags by up to days, so expiry is checked here, not left to it.
 */
public final class DynamoDbDeduplicationStore implements DeduplicationStore {

    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";
    static final String UNCERTAIN = "uncertain";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbDeduplicationStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Claim claim(String key, String owner, Instant now, Instant lockedUntil, Deadline deadline) {
        String claiming = doing("claiming", key);
        Duration timeout = deadline.timeoutFor(claiming);
        try {
            client.putItem(put -> put.tableName(table)
                    .item(Map.of("id", text(key), "state", text(IN_PROGRESS), "owner", text(owner),
                            "expires_at", epoch(lockedUntil)))
                    // Free, or a claim or result of ours whose time is up; an item without a state is never overwritten.
                    .conditionExpression("attribute_not_exists(id) OR (attribute_exists(#state) AND expires_at < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":now", epoch(now)))
                    // The item that won comes back with the refusal: no second call to read it.
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
            return new Claim.Taken();
        } catch (ConditionalCheckFailedException held) {
            if (!held.hasItem()) {
                // DynamoDB returns the item whenever one failed the condition; a stand-in that does not is unusable.
                throw unavailable("claim", claiming, held, deadline);
            }
            return holder(key, owner, held.item());
        } catch (SdkException unreachable) {
            throw unavailable("claim", claiming, unreachable, deadline);
        }
    }

    @Override
    public boolean complete(String key, String owner, String result, Instant expiresAt, Deadline deadline) {
        return settle(key, owner, COMPLETED, result, expiresAt, deadline);
    }

    @Override
    public boolean markUncertain(String key, String owner, String note, Instant expiresAt, Deadline deadline) {
        return settle(key, owner, UNCERTAIN, note, expiresAt, deadline);
    }

    /** Replaces the claim with its outcome: {@code result} is the stored deployment, or an uncertain claim's note. */
    private boolean settle(String key, String owner, String state, String result, Instant expiresAt, Deadline deadline) {
        String recording = doing("recording the outcome of", key);
        Duration timeout = deadline.timeoutFor(recording);
        try {
            client.putItem(put -> put.tableName(table)
                    .item(Map.of("id", text(key), "state", text(state), "owner", text(owner), "result", text(result),
                            "expires_at", epoch(expiresAt)))
                    // Our claim, even expired, or nothing (TTL deleted it): never a claim another invocation took over.
                    .conditionExpression("attribute_not_exists(id) OR #owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", text(owner)))
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
            return true;
        } catch (ConditionalCheckFailedException takenOver) {
            return false;
        } catch (ApiCallTimeoutException cut) {
            throw deadline.exceeded("while " + recording, cut);
        } catch (SdkException unreachable) {
            throw new DedupeUnavailableException("Could not record the outcome for '" + key + "' in DynamoDB table '"
                    + table + "': " + unreachable.getMessage() + ". The request went to Connect; its claim expires on its own.",
                    unreachable);
        }
    }

    @Override
    public boolean release(String key, String owner, Deadline deadline) {
        String releasing = doing("releasing", key);
        Duration timeout = deadline.timeoutFor(releasing);
        try {
            client.deleteItem(delete -> delete.tableName(table).key(Map.of("id", text(key)))
                    .conditionExpression("#owner = :owner AND #state = :in_progress")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#state", "state"))
                    .expressionAttributeValues(Map.of(":owner", text(owner), ":in_progress", text(IN_PROGRESS)))
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
            return true;
        } catch (ConditionalCheckFailedException notOurs) {
            return false;
        } catch (SdkException unreachable) {
            throw unavailable("release", releasing, unreachable, deadline);
        }
    }

    /** What holds the key, read from the item that failed the claim's condition. */
    private Claim holder(String key, String owner, Map<String, AttributeValue> item) {
        String state = text(item, "state");
        Instant until = expiry(item);
        if (state == null || until == null) {
            throw new ForeignDedupeItemException(key, table);
        }
        if (COMPLETED.equals(state) && text(item, "result") != null) {
            return new Claim.Completed(text(item, "result"));
        }
        if (UNCERTAIN.equals(state)) {
            return new Claim.Uncertain(text(item, "result"));
        }
        if (!IN_PROGRESS.equals(state)) {
            throw new ForeignDedupeItemException(key, table);
        }
        // Our own claim: the SDK sent our PutItem again after the first one had in fact succeeded.
        return owner.equals(text(item, "owner")) ? new Claim.Taken() : new Claim.InProgress(until);
    }

    /** A call the deadline cut is out of time (whether DynamoDB did it is unknown); any other failure, the table's. */
    private DeployerException unavailable(String verb, String doing, SdkException cause, Deadline deadline) {
        if (cause instanceof ApiCallTimeoutException) {
            return deadline.exceeded("while " + doing, cause);
        }
        return new DedupeUnavailableException("Could not " + verb + " the deployment in DynamoDB table '" + table
                + "' (DEDUPE_TABLE): " + cause.getMessage() + ". Nothing was deployed; Lambda's retry will try again.", cause);
    }

    private String doing(String what, String key) {
        return what + " '" + key + "' in DynamoDB table '" + table + "'";
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** {@code expires_at} as we write it, whole epoch seconds; null when it is missing or something else. */
    private static Instant expiry(Map<String, AttributeValue> item) {
        AttributeValue value = item.get("expires_at");
        try {
            return value == null || value.n() == null ? null : Instant.ofEpochSecond(Long.parseLong(value.n()));
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue epoch(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }
}
