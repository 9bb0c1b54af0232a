package io.connectdeployer.e2e;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

/**
 * Runs {@code function.zip} as the Lambda {@code java21} managed runtime does: the zip extracted as the task root,
 * its root and {@code lib/*.jar} on the class path, and the Lambda runtime interface client from Maven Central
 * polling a Runtime API with the configured handler. A native build's zip holds {@code bootstrap} instead, which
 * is started directly, as {@code provided.al2023} does.
 */
final class LambdaJavaRuntime implements AutoCloseable {

    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    private final Process process;

    private LambdaJavaRuntime(Process process) {
        this.process = process;
    }

    static LambdaJavaRuntime start(Path functionZip, String runtimeApi, Map<String, String> environment) throws Exception {
        return start(functionZip, runtimeApi, environment, "lambda-function.log");
    }

    /** A second function with an environment of its own logs to a file of its own under target. */
    static LambdaJavaRuntime start(Path functionZip, String runtimeApi, Map<String, String> environment, String logFile)
            throws Exception {
        Path taskRoot = Files.createTempDirectory(Path.of("target"), "lambda-task-");
        unzip(functionZip, taskRoot);
        ProcessBuilder builder = Files.exists(taskRoot.resolve("bootstrap")) ? nativeBootstrap(taskRoot) : java(taskRoot);
        builder.redirectErrorStream(true).redirectOutput(Path.of("target", logFile).toFile());
        builder.environment().putAll(environment);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
        builder.environment().put("_HANDLER", HANDLER);
        return new LambdaJavaRuntime(builder.start());
    }

    private static ProcessBuilder nativeBootstrap(Path taskRoot) {
        taskRoot.resolve("bootstrap").toFile().setExecutable(true);
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

    static String log() throws IOException {
        return Files.readString(Path.of("target", "lambda-function.log"));
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
                }
            }
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target);
    }
}
