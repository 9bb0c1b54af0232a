package io.connectdeployer.deploy;

import java.util.ArrayList;
import java.util.List;

/** Checks what only the merged request can tell: fields required by Connect that neither event nor defaults gave. */
public final class DeployValidator {

    private DeployValidator() {
    }

    public static List<Problem> validate(DeployRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (request.project() == null) {
            problems.add(new Problem("$.project", "required: set it in the event or in DEPLOY_PROJECT"));
        }
        if (request.flowId() == null) {
            problems.add(new Problem("$.flow_id", "required: set it in the event or in DEPLOY_FLOW_ID"));
        }
        if (request.app() != null) {
            if (request.app().name() == null) {
                problems.add(new Problem("$.app.name", "required when an app is given: set it in the event or in DEPLOY_APP_NAME"));
            }
            if (request.app().version() == null) {
                problems.add(new Problem("$.app.version", "required when an app is given: set it in the event or in DEPLOY_APP_VERSION"));
            }
        }
        return problems;
    }
}
