package io.connectdeployer.deploy;

/** One thing wrong with an event or a setting, located by its JSON path (e.g. {@code $.filters[1].operand}). */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
