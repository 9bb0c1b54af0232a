package io.connectdeployer.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.testing.Requests;

class ConnectDialectTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(ConnectPayload payload) {
        return MAPPER.valueToTree(payload);
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    @Test
    void should_build_the_seed_payload_with_the_token_in_the_body_when_the_dialect_is_deploy_update() throws Exception {
        // when
        ConnectPayload payload = ConnectDialect.DEPLOY_UPDATE.payload(Requests.seedExample(), "<token>");

        // then
        assertEquals(json("""
                {"user_token":"<token>","device_filter":{"project":{"name":"Demo"},"groups":[{"name":"TestGroup1"},{"name":"TestGroup2"}],\
                "filters":[{"type":"specific_device","operand":"is","value":"d-4ec7-1be9"},\
                {"type":"deployment","deployment_id":"dp-9yl3-9ch7","operand":"is","value":"failed"}]},\
                "deployment_configuration":{"flow_id":"f-dd0c-73b9","comment":"test webhook 1","app":{"name":"default_app","version":"v1.1"},\
                "parameters_mapping":{"username":"ubuntu","conf_path":"/etc/app/settings.conf"}}}"""), json(payload));
    }

    @Test
    void should_leave_out_token_and_project_and_name_the_flow_flow_uuid_when_the_dialect_is_deployments() throws Exception {
        // when
        ConnectPayload payload = ConnectDialect.DEPLOYMENTS.payload(Requests.seedExample(), "<token>");

        // then
        assertEquals(json("""
                {"device_filter":{"groups":[{"name":"TestGroup1"},{"name":"TestGroup2"}],\
                "filters":[{"type":"specific_device","operand":"is","value":"d-4ec7-1be9"},\
                {"type":"deployment","deployment_id":"dp-9yl3-9ch7","operand":"is","value":"failed"}]},\
                "deployment_configuration":{"flow_uuid":"f-dd0c-73b9","comment":"test webhook 1","app":{"name":"default_app","version":"v1.1"},\
                "parameters_mapping":{"username":"ubuntu","conf_path":"/etc/app/settings.conf"}}}"""), json(payload));
    }

    @Test
    void should_send_empty_groups_and_filters_and_omit_app_comment_and_parameters_when_the_request_is_minimal() throws Exception {
        // given
        DeployRequest request = new DeployRequest("Demo", List.of(), List.of(), "f-dd0c-73b9", null, Map.of(), null, false);

        // when
        ConnectPayload deployUpdate = ConnectDialect.DEPLOY_UPDATE.payload(request, "<token>");
        ConnectPayload deployments = ConnectDialect.DEPLOYMENTS.payload(request, "<token>");

        // then
        assertEquals(json("""
                {"user_token":"<token>","device_filter":{"project":{"name":"Demo"},"groups":[],"filters":[]},\
                "deployment_configuration":{"flow_id":"f-dd0c-73b9"}}"""), json(deployUpdate));
        assertEquals(json("""
                {"device_filter":{"groups":[],"filters":[]},"deployment_configuration":{"flow_uuid":"f-dd0c-73b9"}}"""),
                json(deployments));
    }

    @Test
    void should_find_each_dialect_by_its_setting_when_the_setting_is_known() {
        // then
        assertEquals(Optional.of(ConnectDialect.DEPLOY_UPDATE), ConnectDialect.fromSetting("deploy_update"));
        assertEquals(Optional.of(ConnectDialect.DEPLOYMENTS), ConnectDialect.fromSetting("deployments"));
        assertEquals(Optional.empty(), ConnectDialect.fromSetting("DEPLOY_UPDATE"));
        assertEquals("deploy_update, deployments", ConnectDialect.settings());
    }
}
