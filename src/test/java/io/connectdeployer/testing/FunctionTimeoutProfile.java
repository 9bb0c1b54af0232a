package io.connectdeployer.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/**
 * The deadline as the Terraform module sets it up, scaled down: FUNCTION_TIMEOUT=5s and no CONNECT_TIME_BUDGET, so
 * each invocation has 3 s (5 s less the 2 s margin). An attempt may take 2.5 s (connect 1.5 s + read 1 s), so one
 * fits and a second never does. The token is read on every invocation (CONNECT_TOKEN_TTL=0), and every deployment
 * is claimed in a dedupe table that the same WireMock plays (DynamoDB's JSON protocol over {@code POST /}).
 */
public class FunctionTimeoutProfile extends OwnStandInsProfile {

    public static final long FUNCTION_TIMEOUT_MS = 5000;
    public static final long DEADLINE_MS = 3000;
    public static final String TABLE = "connect-deployer-dedupe";

    @Override
    protected Class<StandIns> standIns() {
        return StandIns.class;
    }

    /** A DynamoDB operation, e.g. {@code dynamoDb("PutItem")}; priority 5, so a test's own stub of it wins. */
    public static MappingBuilder dynamoDb(String operation) {
        return post(urlEqualTo("/")).atPriority(5).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810." + operation));
    }

    public static RequestPatternBuilder dynamoDbCalls(String operation) {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810." + operation));
    }

    /** {@link WireMockStandIns} plus DynamoDB, which takes every claim and every release. */
    public static class StandIns extends WireMockStandIns {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            for (String operation : new String[] { "PutItem", "DeleteItem" }) {
                server().stubFor(dynamoDb(operation).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}")));
            }
            System.setProperty("aws.endpointUrlDynamoDb", server().baseUrl());
            config.put("aws.endpointUrlDynamoDb", server().baseUrl());
            config.put("dedupe.table", TABLE);
            config.put("function.timeout", FUNCTION_TIMEOUT_MS + "ms");
            // Empty is unset: the %test profile's CONNECT_TIME_BUDGET would otherwise override FUNCTION_TIMEOUT.
            config.put("connect.time-budget", "");
            config.put("connect.connect-timeout", "1500ms");
            config.put("connect.read-timeout", "1s");
            config.put("connect.token-ttl", "0s");
            return config;
        }

        @Override
        public void stop() {
            System.clearProperty("aws.endpointUrlDynamoDb");
            super.stop();
        }
    }
}
