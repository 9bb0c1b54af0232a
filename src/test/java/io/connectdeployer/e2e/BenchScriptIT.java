package io.connectdeployer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/run} end to end on one cold start and one warm invocation of the packaged function, without and
 * with a routing table (two routes in moto's SSM; the script fails a run whose answers do not name the route or
 * whose deployments reach another flow). Only that it runs and writes its table: timing is the benchmark's
 * business, never a test's. Skipped where python3 or
 * moto_server is not installed, as the benchmark needs both.
 */
class BenchScriptIT {

    private static final Path RESULTS = Path.of("target", "bench-smoke.md");
    private static final Path OUTPUT = Path.of("target", "bench-smoke.log");

    @Test
    void should_write_one_row_per_mode_and_routing_table_when_the_benchmark_runs_one_cold_and_one_warm_invocation() throws Exception {
        Assumptions.assumeTrue(MotoServer.installed(), "moto_server is not installed: benchmark smoke test skipped");
        Assumptions.assumeTrue(onPath("python3"), "python3 is not installed: benchmark smoke test skipped");
        Path zip = Path.of(System.getProperty("function.zip", "target/function.zip"));
        assertTrue(Files.exists(zip), zip + " is missing: run ./mvnw verify (it packages before this check)");
        Files.deleteIfExists(RESULTS);

        Process bench = new ProcessBuilder(command(zip)).redirectErrorStream(true).redirectOutput(OUTPUT.toFile()).start();
        boolean finished = bench.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            // SIGTERM: the script stops the function and moto_server before it exits.
            bench.destroy();
            bench.waitFor(30, TimeUnit.SECONDS);
        }

        assertTrue(finished, "bench/run did not finish within 3 minutes: see " + OUTPUT);
        assertEquals(0, bench.exitValue(), () -> "bench/run failed:\n" + read(OUTPUT));
        List<String> results = Files.readAllLines(RESULTS);
        assertRow(results, mode(zip));
        assertRow(results, mode(zip) + " \\+ 2 routes");
    }

    private static void assertRow(List<String> results, String mode) {
        // The summary row ends with the zip size and its mark against the target; the per-run rows number the run.
        Pattern summaryRow = Pattern.compile("\\| " + mode + " \\| .* MB [✓✗] \\|");
        assertEquals(1, results.stream().filter(line -> summaryRow.matcher(line).matches()).count(),
                () -> "one summary row for " + mode + " expected in " + RESULTS + ":\n" + String.join("\n", results));
        Pattern runRow = Pattern.compile("\\| " + mode + " \\| 1 \\| .*");
        assertEquals(1, results.stream().filter(line -> runRow.matcher(line).matches()).count(),
                () -> "one cold start of " + mode + " expected in " + RESULTS + ":\n" + String.join("\n", results));
    }

    private static List<String> command(Path zip) {
        // Through python3 rather than the file's own shebang: the executable bit does not survive every checkout.
        List<String> command = new ArrayList<>(List.of("python3", "bench/run", "--cold", "1", "--warm", "1", "--soak", "0", "--routes", "2",
                "--zip", zip.toString(), "--out", RESULTS.toString()));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null) {
            command.addAll(List.of("--m2", repository));
        }
        return command;
    }

    /** The mode bench/run names the zip by: native when it holds bootstrap (a -Dnative build), else jvm. */
    private static String mode(Path zip) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            return archive.getEntry("bootstrap") != null ? "native" : "jvm";
        }
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return "(no output in " + path + ": " + e.getMessage() + ")";
        }
    }
}
