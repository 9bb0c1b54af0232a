package io.connectdeployer.connect;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectdeployer.deploy.DeploymentMarker;

/**
 * One page of Connect's list of deployments, read for a marker. JFrog's reference documents the list's query
 * ({@code limit}, {@code after}) and that each record holds the deployment's UUID and comment, not the exact field
 * names of the page: so the records are the first array found (the body itself, or its {@code deployments},
 * {@code data}, {@code items} or {@code results}), and the next page's token the first text found under the usual
 * names. The reading is careful in one direction only: "absent" needs a page shorter than the limit with no next
 * token, so a page that cannot be read to its end never passes for "not found".
 */
public record DeploymentList(Optional<JsonNode> match, boolean lastPage, String nextToken) {

    private static final List<String> RECORDS = List.of("deployments", "data", "items", "results");
    private static final List<String> TOKENS = List.of("/next", "/after", "/next_page", "/next_token", "/pagination/next",
            "/pagination/after", "/pagination/next_token", "/meta/next");
    private static final List<String> IDS = List.of("deployment_uuid", "uuid", "deployment_id", "id");

    /** @return empty when the body holds no list of records at all */
    public static Optional<DeploymentList> read(JsonNode body, DeploymentMarker marker, int limit) {
        Optional<JsonNode> records = records(body);
        if (records.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> match = Optional.empty();
        for (JsonNode record : records.get()) {
            if (marker.foundIn(record.path("comment").asText(null))) {
                match = Optional.of(record);
                break;
            }
        }
        String next = token(body);
        return Optional.of(new DeploymentList(match, next == null && records.get().size() < limit, next));
    }

    /** The deployment's id as the record gives it, else null. */
    public static String deploymentId(JsonNode record) {
        for (String field : IDS) {
            if (record.path(field).isValueNode() && !record.path(field).asText().isEmpty()) {
                return record.path(field).asText();
            }
        }
        return null;
    }

    private static Optional<JsonNode> records(JsonNode body) {
        if (body == null) {
            return Optional.empty();
        }
        if (body.isArray()) {
            return Optional.of(body);
        }
        return RECORDS.stream().map(body::path).filter(JsonNode::isArray).findFirst();
    }

    private static String token(JsonNode body) {
        if (body.isArray()) {
            return null;
        }
        return TOKENS.stream().map(body::at).filter(n -> n.isTextual() && !n.textValue().isBlank())
                .map(JsonNode::textValue).findFirst().orElse(null);
    }
}
