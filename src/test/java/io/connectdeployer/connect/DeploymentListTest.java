package io.connectdeployer.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.deploy.DeploymentMarker;

class DeploymentListTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DeploymentMarker MARKER = new DeploymentMarker("[cd:59bac6e0af95]");

    private static Optional<DeploymentList> read(String body, int limit) throws Exception {
        return DeploymentList.read(MAPPER.readTree(body), MARKER, limit);
    }

    @ParameterizedTest
    @ValueSource(strings = { "deployments", "data", "items", "results" })
    void should_find_the_record_whose_comment_holds_the_marker_under_each_usual_name(String field) throws Exception {
        // given
        String body = "{\"" + field + "\":[{\"deployment_uuid\":\"dp-1\",\"comment\":\"other\"},"
                + "{\"deployment_uuid\":\"dp-2\",\"comment\":\"gw v1 [cd:59bac6e0af95]\"}]}";

        // when
        DeploymentList list = read(body, 100).orElseThrow();

        // then
        assertEquals("dp-2", DeploymentList.deploymentId(list.match().orElseThrow()));
    }

    @Test
    void should_be_the_last_page_when_shorter_than_the_limit_and_without_a_next_token() throws Exception {
        DeploymentList list = read("[{\"uuid\":\"dp-1\",\"comment\":\"other\"}]", 100).orElseThrow();

        assertTrue(list.match().isEmpty());
        assertTrue(list.lastPage());
        assertNull(list.nextToken());
    }

    @Test
    void should_not_be_the_last_page_when_full_even_without_a_token() throws Exception {
        DeploymentList list = read("{\"deployments\":[{\"comment\":\"a\"},{\"comment\":\"b\"}]}", 2).orElseThrow();

        assertFalse(list.lastPage());
        assertNull(list.nextToken());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"deployments\":[],\"next\":\"t-2\"}", "{\"deployments\":[],\"pagination\":{\"next\":\"t-2\"}}",
            "{\"data\":[],\"next_page\":\"t-2\"}" })
    void should_give_the_next_pages_token_and_not_be_the_last_page_when_one_is_named(String body) throws Exception {
        DeploymentList list = read(body, 100).orElseThrow();

        assertEquals("t-2", list.nextToken());
        assertFalse(list.lastPage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"deployments\":{}}", "\"busy\"" })
    void should_be_unreadable_when_the_body_holds_no_list_of_records(String body) throws Exception {
        assertTrue(read(body, 100).isEmpty());
    }

    @Test
    void should_take_the_first_id_field_present_for_the_deployment_id() throws Exception {
        JsonNode record = MAPPER.readTree("{\"id\":7,\"deployment_id\":\"dp-9\"}");

        assertEquals("dp-9", DeploymentList.deploymentId(record));
        assertNull(DeploymentList.deploymentId(MAPPER.readTree("{\"comment\":\"x\"}")));
    }
}
