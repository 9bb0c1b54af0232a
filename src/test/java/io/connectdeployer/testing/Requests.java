package io.connectdeployer.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.DeployRequest;
import io.connectdeployer.deploy.Filter;

/** Deploy requests shared by the unit tests. */
public final class Requests {

    private Requests() {
    }

    /** The seed document's full example (events/direct/seed-example.json with no defaults). */
    public static DeployRequest seedExample() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("username", "ubuntu");
        parameters.put("conf_path", "/etc/app/settings.conf");
        return new DeployRequest(
                "Demo",
                List.of("TestGroup1", "TestGroup2"),
                List.of(new Filter("specific_device", "is", "d-4ec7-1be9", null, null),
                        new Filter("deployment", "is", "failed", null, "dp-9yl3-9ch7")),
                "f-dd0c-73b9",
                new App("default_app", "v1.1"),
                parameters,
                "test webhook 1",
                false);
    }
}
