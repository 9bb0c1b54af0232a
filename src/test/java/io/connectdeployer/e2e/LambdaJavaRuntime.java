package io.connectdeployer.e2e;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

/**
 * Runs {@code function.zip} as the Lambda {@code java21} managed runtime does: the zip extracted as the task root,
 * its root and {@code lib/*.jar} on the class path, and the Lambda runtime interface client from Maven Central
 * polling a Runtime API with the configured handler. A native build's zip (or the aot build's, {@code -Daot}) holds
 * {@code bootstrap} instead, which is started directly, as {@code provided.al2023} does.
 */
final class LambdaJavaRuntime implements AutoCloseable {

    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    private final Process process;
    private final Path log;

    private LambdaJavaRuntime(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** With this machine's environment (plus {@code environment}); the output goes to target/lambda-function.log. */
    static LambdaJavaRuntime start(Path functionZip, String runtimeApi, Map<String, String> environment) throws Exception {
        return start(functionZip, runtimeApi, environment, null, Path.of("target", "lambda-function.log"));
    }

    /** A second function with an environment of its own logs to a file of its own under target. */
    static LambdaJavaRuntime start(Path functionZip, String runtimeApi, Map<String, String> environment, String logFile)
            throws Exception {
        return start(functionZip, runtimeApi, environment, null, Path.of("target", logFile));
    }

    /**
     * As on a machine that has never seen AWS: every inherited {@code AWS_*} variable removed (build machines set
     * some, e.g. AWS_CA_BUNDLE), and HOME and {@code user.home} an empty directory, so no ~/.aws is read either.
     */
    static LambdaJavaRuntime startWithoutAws(Path functionZip, String runtimeApi, Map<String, String> environment, Path log)
            throws Exception {
        return start(functionZip, runtimeApi, environment, Files.createTempDirectory(Path.of("target"), "empty-home-"), log);
    }

    private static LambdaJavaRuntime start(Path functionZip, String runtimeApi, Map<String, String> environment,
            Path emptyHome, Path log) throws Exception {
        Path taskRoot = Files.createTempDirectory(Path.of("target"), "lambda-task-");
        unzip(functionZip, taskRoot);
        ProcessBuilder builder = Files.exists(taskRoot.resolve("bootstrap")) ? nativeBootstrap(taskRoot) : java(taskRoot);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        if (emptyHome != null) {
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            builder.environment().put("HOME", emptyHome.toAbsolutePath().toString());
            // Java takes user.home from the password database, not from HOME, and the SDK falls back to it.
            // Both the JVM and a Quarkus native binary read -D options right after the program.
            builder.command().add(1, "-Duser.home=" + emptyHome.toAbsolutePath());
        }
        builder.environment().putAll(environment);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
        builder.environment().put("_HANDLER", HANDLER);
        return new LambdaJavaRuntime(builder.start(), log);
    }

    private static ProcessBuilder nativeBootstrap(Path taskRoot) {
        // Lambda keeps the zip's modes (AotZipIT checks them), java.util.zip does not: the aot zip's bundled java too.
        taskRoot.resolve("bootstrap").toFile().setExecutable(true);
        taskRoot.resolve("runtime/bin/java").toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder(taskRoot.resolve("bootstrap").toString());
        // What Quarkus asks of native Lambda functions: the runtime, not the binary, handles signals.
        builder.environment().put("DISABLE_SIGNAL_HANDLERS", "true");
        return builder;
    }

    private static ProcessBuilder java(Path taskRoot) throws Exception {
        List<String> classPath = new ArrayList<>();
        classPath.add(taskRoot.toString());
        try (Stream<Path> jars = Files.list(taskRoot.resolve("lib"))) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toString).sorted().forEach(classPath::add);
        }
        // The runtime's own jars come last, as in the managed runtime where they sit outside the task root.
        classPath.add(jarOf(AWSLambda.class));
        classPath.add(jarOf(PojoSerializer.class));
        return new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-cp", String.join(File.pathSeparator, classPath),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER);
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or empty when the process still runs after {@code timeout}. */
    OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** Everything the function wrote to stdout and stderr so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroy();
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(in, target);
                    // As Lambda: the entries' times kept (the aot zip's cache checks its jars' times).
                    Files.setLastModifiedTime(target, entry.getLastModifiedTime());
                }
            }
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target);
    }
}
