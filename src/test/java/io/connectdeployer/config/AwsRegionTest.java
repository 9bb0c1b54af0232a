package io.connectdeployer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class AwsRegionTest {

    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void should_not_look_for_a_region_when_no_setting_needs_aws() {
        // when
        AwsRegion region = AwsRegion.resolve(settings(Optional.empty(), Optional.empty()), chain(Optional.of("eu-west-1")));

        // then
        assertEquals(AwsRegion.NOT_NEEDED, region);
        assertEquals(0, lookups.get());
    }

    @Test
    void should_take_the_chains_region_once_when_a_setting_needs_aws() {
        // when
        AwsRegion region = AwsRegion.resolve(settings(Optional.of("connect-deployer/token"), Optional.empty()),
                chain(Optional.of("eu-west-1")));

        // then
        assertEquals("eu-west-1", region.required());
        assertEquals(1, lookups.get());
    }

    @Test
    void should_name_aws_region_and_the_setting_in_one_line_when_no_region_is_found() {
        // when
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, () -> AwsRegion.resolve(
                settings(Optional.of("connect-deployer/token"), Optional.empty()), chain(Optional.empty())));

        // then
        assertEquals("Invalid configuration: CONNECT_TOKEN_SECRET_ID needs an AWS region and none was found: set AWS_REGION "
                + "(Lambda sets it itself) or a region in the AWS profile", error.getMessage());
    }

    @Test
    void should_name_every_setting_that_needs_aws_when_no_region_is_found() {
        // when
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, () -> AwsRegion.resolve(
                settings(Optional.of("connect-deployer/token"), Optional.of("deploys")), chain(Optional.empty())));

        // then
        assertEquals("Invalid configuration: CONNECT_TOKEN_SECRET_ID, DEDUPE_TABLE need an AWS region and none was found: "
                + "set AWS_REGION (Lambda sets it itself) or a region in the AWS profile", error.getMessage());
    }

    @Test
    void should_refuse_to_hand_out_a_region_when_none_was_needed() {
        // when
        IllegalStateException error = assertThrows(IllegalStateException.class, AwsRegion.NOT_NEEDED::required);

        // then
        assertEquals("an AWS client was asked for, but no setting needs AWS", error.getMessage());
    }

    private static Map<String, Optional<String>> settings(Optional<String> tokenSecretId, Optional<String> dedupeTable) {
        Map<String, Optional<String>> settings = new LinkedHashMap<>();
        settings.put("CONNECT_TOKEN_SECRET_ID", tokenSecretId);
        settings.put("DEDUPE_TABLE", dedupeTable);
        return settings;
    }

    private Supplier<Optional<String>> chain(Optional<String> region) {
        return () -> {
            lookups.incrementAndGet();
            return region;
        };
    }
}
