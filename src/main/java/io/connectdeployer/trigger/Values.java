package io.connectdeployer.trigger;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a placeholder value map, leaving out what the event does not carry. */
final class Values {

    private final Map<String, String> values = new LinkedHashMap<>();

    Values put(String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    Map<String, String> map() {
        return values;
    }
}
