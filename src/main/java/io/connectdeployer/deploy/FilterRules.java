package io.connectdeployer.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.connectdeployer.event.JsonFields;

/** The filter table of Connect's deploy_update documentation, as checks that name what is wrong. */
public final class FilterRules {

    public static final Set<String> TYPES = JsonFields.keys("specific_device", "tag", "app", "device_state", "deployment");
    public static final Set<String> OPERANDS = JsonFields.keys("is", "is_not");
    public static final Set<String> DEVICE_STATES = JsonFields.keys("online", "offline");
    public static final Set<String> DEPLOYMENT_STATES =
            JsonFields.keys("pending", "in_progress", "success", "failed", "aborted", "any");

    private FilterRules() {
    }

    /** Problems of one filter whose fields already passed the JSON type checks; empty when Connect will accept it. */
    public static List<Problem> check(Filter filter, String path) {
        List<Problem> problems = new ArrayList<>();
        if (filter.type() == null) {
            problems.add(new Problem(path + ".type", "required; one of " + String.join(", ", TYPES)));
        } else if (!TYPES.contains(filter.type())) {
            problems.add(new Problem(path + ".type", "'" + filter.type() + "' is not one of " + String.join(", ", TYPES)));
        }
        if (filter.operand() == null) {
            problems.add(new Problem(path + ".operand", "required; one of " + String.join(", ", OPERANDS)));
        } else if (!OPERANDS.contains(filter.operand())) {
            problems.add(new Problem(path + ".operand", "'" + filter.operand() + "' is not one of " + String.join(", ", OPERANDS)));
        } else if ("device_state".equals(filter.type()) && !"is".equals(filter.operand())) {
            problems.add(new Problem(path + ".operand", "a device_state filter takes only the operand 'is'"));
        }
        if (filter.value() == null) {
            problems.add(new Problem(path + ".value", "required"));
        } else if ("device_state".equals(filter.type()) && !DEVICE_STATES.contains(filter.value())) {
            problems.add(new Problem(path + ".value", "a device_state filter takes " + String.join(" or ", DEVICE_STATES)
                    + ", not '" + filter.value() + "'"));
        } else if ("deployment".equals(filter.type()) && !DEPLOYMENT_STATES.contains(filter.value())) {
            problems.add(new Problem(path + ".value", "a deployment filter takes one of " + String.join(", ", DEPLOYMENT_STATES)
                    + ", not '" + filter.value() + "'"));
        }
        if ("deployment".equals(filter.type()) && filter.deploymentId() == null) {
            problems.add(new Problem(path + ".deployment_id", "required for a deployment filter (the id from Connect's deployments table)"));
        }
        if (filter.deploymentId() != null && filter.type() != null && !"deployment".equals(filter.type())) {
            problems.add(new Problem(path + ".deployment_id", "only a deployment filter takes deployment_id"));
        }
        if (filter.appVersion() != null && filter.type() != null && !"app".equals(filter.type())) {
            problems.add(new Problem(path + ".app_version", "only an app filter takes app_version"));
        }
        return problems;
    }
}
