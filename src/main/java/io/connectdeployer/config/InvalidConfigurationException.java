package io.connectdeployer.config;

import java.util.List;

/** The function's environment is wrong; thrown at startup (the Lambda init phase) naming each variable. */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(List<String> problems) {
        super("Invalid configuration: " + String.join("; ", problems), null, false, false);
    }
}
