package io.connectdeployer.route;

import static io.connectdeployer.route.Routing.GLOBAL;
import static io.connectdeployer.route.Routing.MAPPER;
import static io.connectdeployer.route.Routing.PATH;
import static io.connectdeployer.route.Routing.parameters;
import static io.connectdeployer.route.Routing.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.Filter;

/** Loading the routing table: each route merged over the global defaults, or every problem named by route and field. */
class RouteParserTest {

    @Test
    void should_merge_each_route_over_the_global_defaults_by_the_same_rules_as_an_event() {
        // when
        RouteTable table = table("gateway", """
                {"priority": 1, "flow_id": "f-gateway", "app": {"name": "gateway-fw"}, "groups": ["gateways"],
                 "filters": [{"type": "tag", "operand": "is", "value": "gw"}], "parameters": {"channel": "beta", "url": "s3://${bucket}/${key}"},
                 "comment": "gateway ${version}"}""");

        // then: project from the globals; groups replaced; filters added to the global ones; parameters key by key
        assertEquals(new DeployDefaults("Demo", List.of("gateways"),
                List.of(new Filter("device_state", "is", "online", null, null), new Filter("tag", "is", "gw", null, null)),
                "f-gateway", new App("gateway-fw", null),
                Map.of("region", "eu", "channel", "beta", "url", "s3://${bucket}/${key}"), "gateway ${version}", false),
                table.routes().get(0).defaults());
        assertEquals(List.of("url"), List.copyOf(table.routes().get(0).templates().parameters().keySet()));
    }

    @Test
    void should_name_the_route_and_the_field_of_every_problem() {
        // when
        InvalidRoutesException invalid = assertThrows(InvalidRoutesException.class, () -> table(
                "gateway", """
                        {"priority": 1, "flow_id": "f-1", "flowid": "x", "match": {"sorce": "s3", "key_pattern": "(["},
                         "filters": [{"type": "tag", "operand": "between", "value": "gw"}]}""",
                "sensor", """
                        {"priority": 2, "match": {"source": "ftp"}, "comment": "${colour}"}"""));

        // then
        assertEquals(List.of(
                "route 'gateway' (" + PATH + "/gateway): flowid: unknown key 'flowid'; did you mean 'flow_id'?",
                "route 'gateway' (" + PATH + "/gateway): match.sorce: unknown key 'sorce'; did you mean 'source'?",
                "route 'gateway' (" + PATH + "/gateway): match.key_pattern: not a valid regular expression (Unclosed character class near index 1)",
                "route 'gateway' (" + PATH + "/gateway): filters[0].operand: 'between' is not one of is, is_not",
                "route 'sensor' (" + PATH + "/sensor): match.source: \"ftp\" is not one of direct, schedule, eventbridge, s3, github, http",
                "route 'sensor' (" + PATH + "/sensor): comment: unknown placeholder ${colour}; known: ${bucket}, ${key}, ${app}, ${version}, ${tag}, ${repository}, "
                        + "${release_url}, ${event_id}, ${time}",
                "route 'sensor' (" + PATH + "/sensor): flow_id: missing after merging over the global defaults: set flow_id in the route or DEPLOY_FLOW_ID"),
                invalid.problems());
    }

    @Test
    void should_fail_the_whole_table_when_one_route_is_invalid() {
        // when: "sensor" is fine, "gateway" has no priority
        InvalidRoutesException invalid = assertThrows(InvalidRoutesException.class, () -> table(
                "gateway", "{\"flow_id\": \"f-1\"}",
                "sensor", "{\"priority\": 2, \"flow_id\": \"f-2\"}"));

        // then: no table at all, rather than one in which the gateway's uploads fall to another route or the defaults
        assertEquals(List.of("route 'gateway' (" + PATH + "/gateway): priority: required: a whole number; the matching route with the lowest one decides"),
                invalid.problems());
    }

    @Test
    void should_refuse_two_routes_with_one_priority() {
        InvalidRoutesException invalid = assertThrows(InvalidRoutesException.class, () -> table(
                "a", "{\"priority\": 7, \"flow_id\": \"f-1\"}",
                "b", "{\"priority\": 7, \"flow_id\": \"f-2\"}"));

        assertEquals(List.of("route 'b': priority 7 is also route 'a''s: give every route its own priority, so which one decides is never a guess"),
                invalid.problems());
    }

    @Test
    void should_refuse_an_empty_path_and_a_value_that_is_not_json_without_quoting_it() {
        assertEquals(List.of("no parameter under " + PATH + "/: put one per route there (the Terraform module's routes input does), or unset DEPLOY_ROUTES_PATH"),
                assertThrows(InvalidRoutesException.class, () -> RouteParser.parse(PATH, Map.of(), GLOBAL, MAPPER)).problems());
        assertEquals(List.of("route 'a' (" + PATH + "/a): not valid JSON (line 1, column 2)"),
                assertThrows(InvalidRoutesException.class, () -> RouteParser.parse(PATH, parameters("a", "{secret"), GLOBAL, MAPPER)).problems());
    }

    @Test
    void should_load_fifty_routes_in_priority_order() {
        // given
        String[] nameValue = new String[100];
        for (int i = 0; i < 50; i++) {
            nameValue[2 * i] = "app-" + i;
            nameValue[2 * i + 1] = """
                    {"priority": %d, "match": {"source": "s3", "bucket": "builds", "key_prefix": "app-%d/"}, "flow_id": "f-%d",
                     "filters": [{"type": "tag", "operand": "is", "value": "app-%d"}], "parameters": {"url": "s3://${bucket}/${key}"}}
                    """.formatted(100 - i, i, i, i);
        }

        // when
        RouteTable table = table(nameValue);

        // then
        assertEquals(50, table.size());
        assertEquals("app-49", table.routes().get(0).name());
        assertEquals("app-0", table.routes().get(49).name());
    }
}
