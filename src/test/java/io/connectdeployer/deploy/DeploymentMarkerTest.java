package io.connectdeployer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeploymentMarkerTest {

    @Test
    void should_be_the_first_twelve_hex_digits_of_the_sha256_of_the_namespaced_key() {
        // given: printf 'connect-deployer/direct:ci-run-812' | sha256sum starts with 59bac6e0af95
        String key = "connect-deployer/direct:ci-run-812";

        // when
        DeploymentMarker marker = DeploymentMarker.of(key);

        // then
        assertEquals("[cd:59bac6e0af95]", marker.text());
    }

    @Test
    void should_differ_between_two_functions_sharing_a_table_for_the_same_event() {
        assertFalse(DeploymentMarker.of("a/direct:ci-run-812").equals(DeploymentMarker.of("b/direct:ci-run-812")));
    }

    @Test
    void should_be_none_for_a_deployment_without_a_key() {
        assertNull(DeploymentMarker.of(null));
    }

    @Test
    void should_end_the_comment_or_be_the_whole_comment_when_there_is_none() {
        DeploymentMarker marker = new DeploymentMarker("[cd:59bac6e0af95]");

        assertEquals("nightly build [cd:59bac6e0af95]", marker.appendTo("nightly build"));
        assertEquals("[cd:59bac6e0af95]", marker.appendTo(null));
        assertEquals("[cd:59bac6e0af95]", marker.appendTo("  "));
    }

    @Test
    void should_be_found_only_in_a_comment_holding_it() {
        DeploymentMarker marker = new DeploymentMarker("[cd:59bac6e0af95]");

        assertTrue(marker.foundIn("nightly build [cd:59bac6e0af95]"));
        assertFalse(marker.foundIn("nightly build [cd:59bac6e0af96]"));
        assertFalse(marker.foundIn(null));
    }
}
