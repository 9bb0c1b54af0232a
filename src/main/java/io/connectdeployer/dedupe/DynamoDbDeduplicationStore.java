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
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The claims in a DynamoDB table: partition key {@code id} (string), TTL attribute {@code expires_at} (epoch
 * seconds), plus {@code state} and {@code result}. A conditional PutItem is the claim, so two invocations racing
 * for one event cannot both win. TTL deletion lags by up to days, so expiry is checked here, not left to it.
 */
public final class DynamoDbDeduplicationStore implements DeduplicationStore {

    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbDeduplicationStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Claim claim(String key, Instant now, Instant lockedUntil, Deadline deadline) {
        String claiming = doing("claiming", key);
        Duration timeout = deadline.timeoutFor(claiming);
        try {
            client.putItem(put -> put.tableName(table)
                    .item(Map.of("id", text(key), "state", text(IN_PROGRESS), "expires_at", epoch(lockedUntil)))
                    .conditionExpression("attribute_not_exists(id) OR expires_at < :now")
                    .expressionAttributeValues(Map.of(":now", epoch(now)))
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
            return new Claim.Taken();
        } catch (ConditionalCheckFailedException held) {
            try {
                return holder(key, deadline);
            } catch (SdkException unreachable) {
                throw unavailable("claim", claiming, unreachable, deadline);
            }
        } catch (SdkException unreachable) {
            throw unavailable("claim", claiming, unreachable, deadline);
        }
    }

    @Override
    public void complete(String key, String result, Instant expiresAt, Deadline deadline) {
        String recording = doing("recording the result of", key);
        Duration timeout = deadline.timeoutFor(recording);
        try {
            client.putItem(put -> put.tableName(table).item(Map.of("id", text(key), "state", text(COMPLETED),
                    "result", text(result), "expires_at", epoch(expiresAt)))
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
        } catch (ApiCallTimeoutException cut) {
            throw deadline.exceeded("while " + recording, cut);
        } catch (SdkException unreachable) {
            throw new DedupeUnavailableException("Could not record the result for '" + key + "' in DynamoDB table '"
                    + table + "': " + unreachable.getMessage() + ". The deployment was made; its claim expires on its own.",
                    unreachable);
        }
    }

    @Override
    public void release(String key, Deadline deadline) {
        String releasing = doing("releasing", key);
        Duration timeout = deadline.timeoutFor(releasing);
        try {
            client.deleteItem(delete -> delete.tableName(table).key(Map.of("id", text(key)))
                    .conditionExpression("#state = :in_progress")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":in_progress", text(IN_PROGRESS)))
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // Expired and taken over by another invocation: not ours to delete.
        } catch (SdkException unreachable) {
            throw unavailable("release", releasing, unreachable, deadline);
        }
    }

    private Claim holder(String key, Deadline deadline) {
        Duration timeout = deadline.timeoutFor(doing("reading the claim of", key));
        GetItemResponse found = client.getItem(get -> get.tableName(table).key(Map.of("id", text(key))).consistentRead(true)
                .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
        Map<String, AttributeValue> item = found.item();
        if (item == null || item.isEmpty()) {
            // Deleted between our put and this read (a release): the caller's retry will claim it.
            return new Claim.InProgress(Instant.now());
        }
        if (COMPLETED.equals(item.get("state").s())) {
            return new Claim.Completed(item.get("result").s());
        }
        return new Claim.InProgress(Instant.ofEpochSecond(Long.parseLong(item.get("expires_at").n())));
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

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue epoch(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }
}
