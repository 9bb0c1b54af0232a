package io.connectdeployer.deploy;

/** The Connect app a deployment sets on the devices it updates; either part may still be missing before the merge. */
public record App(String name, String version) {

    /** Fills the parts this app lacks from {@code fallback}. */
    public App orElse(App fallback) {
        if (fallback == null) {
            return this;
        }
        return new App(name != null ? name : fallback.name(), version != null ? version : fallback.version());
    }
}
