package io.connectdeployer.testing;

import io.connectdeployer.deploy.DeploymentMarker;

/** The comment Connect gets for a keyed deployment: its own comment, then the marker of the namespaced key. */
public final class Markers {

    /** DEDUPE_NAMESPACE outside Lambda, as the @QuarkusTest function runs. */
    public static final String NAMESPACE = "connect-deployer";

    private Markers() {
    }

    /** @param key the trigger's key, {@code <source>:<identity>}, without the namespace */
    public static String marked(String comment, String key) {
        return marked(NAMESPACE, comment, key);
    }

    /** As {@link #marked(String, String)}, for a function whose DEDUPE_NAMESPACE (or name) is {@code namespace}. */
    public static String marked(String namespace, String comment, String key) {
        return DeploymentMarker.of(namespace + "/" + key).appendTo(comment);
    }
}
