package io.connectdeployer.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The region of every AWS client: resolved once at startup, and only when a setting needs AWS. With none (the
 * README's quick start) no region is looked up, so the function runs on a machine that has never seen AWS.
 */
public record AwsRegion(Optional<String> id) {

    public static final AwsRegion NOT_NEEDED = new AwsRegion(Optional.empty());

    /**
     * @param awsSettings every setting that reaches AWS, by its variable, with its value when set
     * @param lookup the SDK's region provider chain; asked only when one of them is set
     * @throws InvalidConfigurationException naming AWS_REGION and the settings that need it, when none is found
     */
    public static AwsRegion resolve(Map<String, Optional<String>> awsSettings, Supplier<Optional<String>> lookup) {
        List<String> needing = awsSettings.entrySet().stream()
                .filter(setting -> setting.getValue().isPresent())
                .map(Map.Entry::getKey)
                .toList();
        if (needing.isEmpty()) {
            return NOT_NEEDED;
        }
        String region = lookup.get().orElseThrow(() -> new InvalidConfigurationException(List.of(String.join(", ", needing)
                + (needing.size() == 1 ? " needs" : " need") + " an AWS region and none was found: set AWS_REGION "
                + "(Lambda sets it itself) or a region in the AWS profile")));
        return new AwsRegion(Optional.of(region));
    }

    /** The region, for a client that is built only because a setting needs it. */
    public String required() {
        return id.orElseThrow(() -> new IllegalStateException("an AWS client was asked for, but no setting needs AWS"));
    }
}
