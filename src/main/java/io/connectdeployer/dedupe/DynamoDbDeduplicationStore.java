package io.connectdeployer.dedupe;

import java.time.Instant;
import java.util.Map;

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
    public Claim claim(String key, Instant now, Instant lockedUntil) {
        try {
            client.putItem(put -> put.tableName(table)
                    .item(Map.of("id", text(key), "state", text(IN_PROGRESS), "expires_at", epoch(lockedUntil)))
                    .conditionExpression("attribute_not_exists(id) OR expires_at < :now")
                    .expressionAttributeValues(Map.of(":now", epoch(now))));
            return new Claim.Taken();
        } catch (ConditionalCheckFailedException held) {
            try {
                return holder(key);
            } catch (SdkException unreachable) {
                throw unavailable("claim", unreachable);
            }
        } catch (SdkException unreachable) {
            throw unavailable("claim", unreachable);
        }
    }

    @Override
    public void complete(String key, String result, Instant expiresAt) {
        try {
            client.putItem(put -> put.tableName(table).item(Map.of("id", text(key), "state", text(COMPLETED),
                    "result", text(result), "expires_at", epoch(expiresAt))));
        } catch (SdkException unreachable) {
            throw new DedupeUnavailableException("Could not record the result for '" + key + "' in DynamoDB table '"
                    + table + "': " + unreachable.getMessage() + ". The deployment was made; its claim expires on its own.",
                    unreachable);
        }
    }

    @Override
    public void release(String key) {
        try {
            client.deleteItem(delete -> delete.tableName(table).key(Map.of("id", text(key)))
                    .conditionExpression("#state = :in_progress")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":in_progress", text(IN_PROGRESS))));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // Expired and taken over by another invocation: not ours to delete.
        } catch (SdkException unreachable) {
            throw unavailable("release", unreachable);
        }
    }

    private Claim holder(String key) {
        GetItemResponse found = client.getItem(get -> get.tableName(table).key(Map.of("id", text(key))).consistentRead(true));
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

    private DedupeUnavailableException unavailable(String what, SdkException cause) {
        return new DedupeUnavailableException("Could not " + what + " the deployment in DynamoDB table '" + table
                + "' (DEDUPE_TABLE): " + cause.getMessage() + ". Nothing was deployed; Lambda's retry will try again.", cause);
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue epoch(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }
}
