package io.connectdeployer.trigger;

import java.time.Duration;

/**
 * Which GitHub release deliveries deploy: DEPLOY_GITHUB_PRERELEASES and DEPLOY_GITHUB_MAX_AGE.
 *
 * @param maxAge GitHub signs no timestamp, so a captured delivery stays valid forever; a release published longer
 *        ago than this is refused, so an old delivery cannot be replayed to roll a fleet back
 */
public record ReleasePolicy(boolean deployPrereleases, Duration maxAge) {

    /** GitHub keeps deliveries for redelivery this long. */
    public static final String DEFAULT_MAX_AGE = "72h";

    /**
     * GitHub sends {@code published} and {@code released} for a release, {@code published} and {@code prereleased}
     * for a prerelease, and only {@code released} when a prerelease is promoted: deploying on exactly one action
     * deploys each release once, whatever the order.
     */
    public String deployingAction() {
        return deployPrereleases ? "published" : "released";
    }
}
