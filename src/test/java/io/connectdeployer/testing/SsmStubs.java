package io.connectdeployer.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** SSM's GetParametersByPath as WireMock plays it: AWS JSON 1.1 over {@code POST /}, one page. */
public final class SsmStubs {

    private static final String TARGET = "AmazonSSM.GetParametersByPath";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SsmStubs() {
    }

    public static MappingBuilder getParametersByPath(String path) {
        return post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.Path", equalTo(path)));
    }

    public static RequestPatternBuilder readsOf(String path) {
        return postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.Path", equalTo(path)));
    }

    /** One page holding these parameters (full name to value), as String parameters. */
    public static ResponseDefinitionBuilder parameters(Map<String, String> parameters) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode list = body.putArray("Parameters");
        parameters.forEach((name, value) -> list.addObject().put("Name", name).put("Type", "String").put("Value", value)
                .put("Version", 1).put("DataType", "text"));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body.toString());
    }
}
