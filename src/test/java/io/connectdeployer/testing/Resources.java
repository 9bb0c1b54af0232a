package io.connectdeployer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures and artefacts as text. */
public final class Resources {

    private Resources() {
    }

    /** A classpath resource under src/test/resources, e.g. {@code events/direct/seed-example.json}. */
    public static String text(String path) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the application logged during this test run (see %test.quarkus.log.file.path). */
    public static String testLog() {
        try {
            return Files.readString(Path.of("target/quarkus-test.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
