package io.connectdeployer.deploy;

import java.util.List;
import java.util.stream.Collectors;

import io.connectdeployer.error.DeployerException;

/** The event cannot become a deployment; lists every problem with its JSON path. Nothing was sent to Connect. */
public class InvalidDeployEventException extends DeployerException {

    private final List<Problem> problems;

    public InvalidDeployEventException(List<Problem> problems) {
        super("Invalid deploy event, nothing was deployed (" + problems.size()
                + (problems.size() == 1 ? " problem): " : " problems): ")
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public int httpStatus() {
        return 422;
    }
}
