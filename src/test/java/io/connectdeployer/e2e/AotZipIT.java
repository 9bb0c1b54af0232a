package io.connectdeployer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.amazon.lambda.runtime.MockEventServer;

/**
 * {@code target/function-aot.zip} as Lambda gets it (only with {@code -Daot}, which builds it): the modes Lambda
 * keeps, and the AOT cache opened and used, not rejected, where the zip is unpacked somewhere new with new file times
 * and under another memory size. {@code PackagedFunctionIT} and {@code BareMachineIT} run its bootstrap end to end.
 */
class AotZipIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static Path zip;

    @BeforeAll
    static void theAotZip() {
        String property = System.getProperty("aot.zip");
        Assumptions.assumeTrue(property != null, "no aot.zip: the aot checks run with ./mvnw verify -Daot");
        zip = Path.of(property);
        assertTrue(Files.exists(zip), zip + " is missing: run ./mvnw verify -Daot (it packages before this check)");
    }

    @Test
    void should_hold_bootstrap_and_the_runtimes_java_executable_and_everything_else_not() throws IOException {
        try (FileSystem content = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            assertEquals("rwxr-xr-x", mode(content, "bootstrap"));
            assertEquals("rwxr-xr-x", mode(content, "runtime/bin/java"));
            assertEquals("rw-r--r--", mode(content, "app.aot"));
            assertEquals("rw-r--r--", mode(content, "classpath.args"));
            assertEquals("rw-r--r--", mode(content, "runtime/lib/server/libjvm.so"), "a library is loaded, not run");
            assertFalse(Files.exists(content.getPath("runtime/lib/src.zip")), "a stripped runtime");
            assertFalse(Files.exists(content.getPath("runtime/include")), "a stripped runtime");
        }
    }

    @Test
    void should_use_the_cache_where_the_zip_is_unpacked_anew_with_every_file_time_reset() throws Exception {
        Path task = unpack(Instant.now());

        String log = dryRun(task, "512", "aot-new-times");

        assertCacheUsed(log);
    }

    @Test
    void should_use_the_cache_when_the_unzip_keeps_the_zips_times_and_the_memory_differs_from_the_training() throws Exception {
        Path task = unpack(null);

        String log = dryRun(task, "3008", "aot-kept-times");

        assertCacheUsed(log);
        long maxHeap = log.lines().filter(line -> line.contains(" MaxHeapSize ")).map(line -> line.replaceAll(".*= *(\\d+).*", "$1"))
                .mapToLong(Long::parseLong).findFirst().orElse(0);
        assertTrue(Math.abs(maxHeap - 3008L * 1024 * 1024 * 85 / 100) < 4 << 20, "heap sized from 3008 MB: " + maxHeap);
    }

    private static void assertCacheUsed(String log) {
        assertTrue(log.contains("Opened AOT cache"), "the cache was not opened:\n" + excerpt(log));
        for (String rejected : List.of("shared class paths mismatch", "Unable to map shared spaces", "timestamp has changed",
                "An error has occurred while processing the AOT cache")) {
            assertFalse(log.contains(rejected), "the cache was rejected (" + rejected + "):\n" + excerpt(log));
        }
        long fromCache = log.lines().filter(line -> line.contains("source: shared objects file")).count();
        long loaded = log.lines().filter(line -> line.contains("][class,load]")).count();
        System.out.printf("AotZipIT: %d of %d classes from the AOT cache%n", fromCache, loaded);
        assertTrue(loaded > 5_000 && fromCache >= loaded * 9 / 10, fromCache + " of " + loaded + " classes from the cache");
    }

    /** The zip into a directory of its own; {@code time} for every file, or null for the zip entries' own times. */
    private static Path unpack(Instant time) throws IOException {
        Path task = Files.createDirectories(Files.createTempDirectory(Path.of("target"), "aot-it-").resolve("var/task"));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path target = task.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(task), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                copy(in, target);
                Files.setLastModifiedTime(target, time == null ? entry.getLastModifiedTime() : FileTime.from(time));
            }
        }
        // Lambda keeps the modes; java.util.zip does not, so set the two the previous test proves are in the zip.
        for (String executable : List.of("bootstrap", "runtime/bin/java")) {
            Files.setPosixFilePermissions(task.resolve(executable), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return task;
    }

    /** bootstrap with the JVM's AOT and class-load logging, one dry-run invocation; the whole output. */
    private static String dryRun(Path task, String memoryMb, String name) throws Exception {
        Path log = Path.of("target", name + ".log");
        try (RuntimeApiServer api = new RuntimeApiServer()) {
            api.start(0);
            ProcessBuilder builder = new ProcessBuilder(task.toAbsolutePath().resolve("bootstrap").toString(),
                    "-Xlog:aot", "-Xlog:class+load", "-XX:+PrintFlagsFinal")
                    .directory(Path.of("target").toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(variable -> variable.startsWith("AWS_") || variable.startsWith("JAVA_"));
            builder.environment().putAll(Map.of(
                    "LAMBDA_TASK_ROOT", task.toAbsolutePath().toString(),
                    "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.getPort() + MockEventServer.BASE_PATH,
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", memoryMb,
                    "DEPLOY_DRY_RUN", "true", "DEPLOY_PROJECT", "Demo", "DEPLOY_FLOW_ID", "f-aot-0001",
                    // Where bootstrap copies jars whose times are new: beside the task root, not in the machine's /tmp.
                    "TMPDIR", task.getParent().getParent().toAbsolutePath().toString()));
            Process function = builder.start();
            try {
                String answer = invoke(api.getPort(), "{\"app\":{\"name\":\"gateway\",\"version\":\"v1.4.2\"}}");
                assertTrue(answer.contains("\"status\":\"dry_run\""), answer);
            } finally {
                function.destroy();
                function.waitFor(30, TimeUnit.SECONDS);
            }
        }
        return Files.readString(log);
    }

    private static String invoke(int port, String event) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + MockEventServer.BASE_PATH))
                .header("content-type", "application/json").timeout(PATIENCE)
                .POST(HttpRequest.BodyPublishers.ofString(event)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String mode(FileSystem content, String path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(content.getPath(path)));
    }

    private static String excerpt(String log) {
        try (Stream<String> lines = log.lines()) {
            return String.join("\n", lines.filter(line -> line.contains("[aot")).limit(40).toList());
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target);
    }
}
