package io.connectdeployer.route;

import java.util.Map;

import io.connectdeployer.deadline.Deadline;

/** Reads every route's raw value under a path: the edge to SSM Parameter Store. */
@FunctionalInterface
public interface RouteReader {

    /**
     * @return each parameter directly under {@code path}: its full name to its (decrypted) value
     * @throws RoutesUnavailableException naming the path and what to fix
     * @throws io.connectdeployer.deadline.DeadlineExceededException when the deadline passed before or during the read
     */
    Map<String, String> read(String path, Deadline deadline);
}
