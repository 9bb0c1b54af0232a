package io.connectdeployer.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Connect's deploy_update endpoint as WireMock plays it. */
public final class ConnectStubs {

    public static final String DEPLOY_UPDATE = "/v2/deploy_update";

    private ConnectStubs() {
    }

    public static void answers(WireMockServer server, int status, String body) {
        server.stubFor(post(DEPLOY_UPDATE).willReturn(json(status, body)));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
