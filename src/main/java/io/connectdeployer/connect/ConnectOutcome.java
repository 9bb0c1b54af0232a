package io.connectdeployer.connect;

import com.fasterxml.jackson.databind.JsonNode;

/** A deployment Connect accepted: its status, how many attempts it took, and what Connect said. */
public record ConnectOutcome(int httpStatus, int attempts, JsonNode response) {
}
