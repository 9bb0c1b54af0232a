import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The training run behind the AOT cache: the task root's own bootstrap, started as Lambda starts it, under a local
 * Runtime API, with stand-ins for Connect, Secrets Manager, SSM (routes), DynamoDB and Lambda's Invoke API, all on loopback, so
 * nothing leaves the machine. It gets one event of every trigger shape that really deploys (a dry run never loads
 * the SDK or HTTP paths), each answer is checked, and on SIGTERM the JVM writes the cache as it exits.
 */
final class AotTraining {

    private static final String TOKEN = "tok-training-not-a-secret";
    /** GitHub's documented example secret: events/github/release-published.json is signed with it. */
    private static final String WEBHOOK_SECRET = "It's a Secret to Everybody";
    /** The bearer token events/function-url/plain.json carries. */
    private static final String BEARER = "test-bearer-token";
    /** Each deploys once; paths from the project directory (the build's working directory). */
    private static final List<String> DEPLOYING_EVENTS = List.of(
            "events/deploy.json",
            "events/s3/put.json",
            "src/test/resources/events/eventbridge/s3-object-created.json",
            "events/eventbridge/custom-release.json",
            "events/eventbridge/scheduled.json",
            "events/eventbridge/scheduler-no-input.json",
            "events/function-url/plain.json");
    /** Verified and handed off to Lambda's Invoke API; the handed-off event then deploys. */
    private static final String GITHUB_DELIVERY = "events/github/release-published.json";
    private static final String ROUTES_PATH = "/connect-deployer-training/routes/";
    private static final Duration FIRST_ANSWER = Duration.ofMinutes(3);
    private static final Duration ANSWER = Duration.ofSeconds(60);
    /** Writing the cache at exit starts a second JVM that assembles it: minutes on a loaded 2-core machine. */
    private static final Duration CACHE_WRITTEN = Duration.ofMinutes(15);

    private AotTraining() {
    }

    static void train(Path task, String cache, int memoryMb, Path log) throws Exception {
        try (StandIns aws = new StandIns(); RuntimeApi api = new RuntimeApi()) {
            ProcessBuilder builder = new ProcessBuilder(task.toAbsolutePath().resolve("bootstrap").toString())
                    .directory(task.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            // Lambda's environment is clean: the build's own variables (AWS_*, JAVA_TOOL_OPTIONS, ...) stay out.
            env.keySet().retainAll(List.of("PATH", "LANG"));
            env.putAll(functionEnvironment(task, memoryMb, api.address(), aws.url()));
            env.put("AOT_CACHE_OUTPUT", cache);
            Process function = builder.start();
            try {
                int deployments = 0;
                for (String event : DEPLOYING_EVENTS) {
                    expectDeployed(event, api.invoke(Files.readString(Path.of(event)), deployments == 0 ? FIRST_ANSWER : ANSWER, function, log));
                    deployments++;
                }
                String accepted = api.invoke(Files.readString(Path.of(GITHUB_DELIVERY)), ANSWER, function, log);
                if (!accepted.contains("\"statusCode\":202") || aws.handedOff.isEmpty()) {
                    throw failure(GITHUB_DELIVERY + " was not handed off: " + accepted, log);
                }
                expectDeployed("the handed-off GitHub release", api.invoke(aws.handedOff.poll(), ANSWER, function, log));
                deployments++;
                if (aws.deployments.get() != deployments) {
                    throw failure("Connect received " + aws.deployments.get() + " deployments for " + deployments + " events", log);
                }
            } finally {
                function.destroy(); // SIGTERM: the JVM exits normally and writes the cache
                if (!function.waitFor(CACHE_WRITTEN.toMinutes(), TimeUnit.MINUTES)) {
                    function.destroyForcibly();
                    throw failure("the training JVM did not exit within " + CACHE_WRITTEN, log);
                }
            }
            if (!Files.isRegularFile(Path.of(cache)) || aws.unexpected.peek() != null || api.initError != null) {
                throw failure("no cache written (" + cache + "), or a stand-in saw something unexpected: "
                        + aws.unexpected + " " + api.initError, log);
            }
        }
    }

    private static Map<String, String> functionEnvironment(Path task, int memoryMb, String runtimeApi, String standIns) {
        return Map.ofEntries(
                Map.entry("AWS_LAMBDA_RUNTIME_API", runtimeApi),
                Map.entry("LAMBDA_TASK_ROOT", task.toAbsolutePath().toString()),
                Map.entry("_HANDLER", "bootstrap"),
                Map.entry("TZ", ":UTC"),
                Map.entry("AWS_LAMBDA_FUNCTION_NAME", "connect-deployer-training"),
                Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memoryMb)),
                Map.entry("AWS_REGION", "eu-west-1"),
                Map.entry("AWS_ACCESS_KEY_ID", "training"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "training"),
                Map.entry("AWS_EC2_METADATA_DISABLED", "true"),
                // One loopback stand-in for every AWS API the function calls, and for Connect.
                Map.entry("AWS_ENDPOINT_URL", standIns),
                Map.entry("CONNECT_API_URL", standIns),
                Map.entry("CONNECT_TOKEN_SECRET_ID", "training/token"),
                Map.entry("GITHUB_WEBHOOK_SECRET_ID", "training/webhook"),
                Map.entry("HTTP_BEARER_SECRET_ID", "training/bearer"),
                Map.entry("GITHUB_HANDOFF_TARGET", "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer-training:live"),
                // The GitHub fixture is a "published" release of a fixed date: let it deploy whenever the build runs.
                Map.entry("DEPLOY_GITHUB_PRERELEASES", "true"),
                Map.entry("DEPLOY_GITHUB_MAX_AGE", "876000h"),
                Map.entry("DEDUPE_TTL", "876000h"),
                Map.entry("DEDUPE_TABLE", "connect-deployer-training"),
                Map.entry("FUNCTION_TIMEOUT", "30s"),
                Map.entry("DEPLOY_PROJECT", "Demo"),
                Map.entry("DEPLOY_FLOW_ID", "f-training"),
                // Routes from SSM (the stand-in's two, see StandIns.ROUTES), so a routed start finds its classes cached.
                Map.entry("DEPLOY_ROUTES_PATH", ROUTES_PATH));
    }

    private static void expectDeployed(String event, String answer) {
        // A direct answer, or a Function URL's, whose body is the same JSON as a string; a route decided each.
        String plain = answer.replace("\\\"", "\"");
        if (!plain.contains("\"status\":\"created\"") || !plain.contains("\"route\":\"training-")) {
            throw new IllegalStateException("training: " + event + " did not deploy through a route: " + answer);
        }
    }

    private static IllegalStateException failure(String message, Path log) {
        return new IllegalStateException("training: " + message + " (the function's output: " + log + ")");
    }

    /** Lambda's Runtime API: /next hands out the queued event, /response and /error complete it (202). */
    private static final class RuntimeApi implements AutoCloseable {

        private static final String PREFIX = "/2018-06-01/runtime";
        private final BlockingQueue<String[]> pending = new LinkedBlockingQueue<>();
        private final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final HttpServer server;
        private volatile String initError;

        RuntimeApi() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(threads); // /next blocks until an event is queued; the others must still be answered
            server.createContext(PREFIX, this::handle);
            server.start();
        }

        String address() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }

        String invoke(String event, Duration patience, Process function, Path log) throws Exception {
            String id = UUID.randomUUID().toString();
            CompletableFuture<String> answer = new CompletableFuture<>();
            answers.put(id, answer);
            pending.add(new String[] { id, event });
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline) {
                if (!function.isAlive() || initError != null) {
                    throw failure("the function stopped or failed at init: " + initError, log);
                }
                try {
                    return answer.get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // poll again
                }
            }
            throw failure("no answer within " + patience, log);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("/invocation/next")) {
                String[] next;
                try {
                    next = pending.take();
                } catch (InterruptedException stopping) {
                    exchange.close();
                    return;
                }
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next[0]);
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 30_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer-training");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                respond(exchange, 200, next[1]);
                return;
            }
            Matcher done = Pattern.compile("/invocation/([^/]+)/(response|error)").matcher(path);
            if (done.matches() && answers.containsKey(done.group(1))) {
                answers.remove(done.group(1)).complete(done.group(2).equals("error") ? "error: " + body : body);
            } else if (path.equals("/init/error")) {
                initError = body;
            }
            respond(exchange, 202, "");
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** Connect, Secrets Manager, SSM, DynamoDB and Lambda's Invoke API on one loopback port, answering what deploys. */
    private static final class StandIns implements AutoCloseable {

        private static final Pattern SECRET_ID = Pattern.compile("\"SecretId\"\\s*:\\s*\"([^\"]+)\"");
        /** S3 objects through one route (a glob and placeholders), everything else through a catch-all. */
        private static final Map<String, String> ROUTES = Map.of(
                "training-s3", "{\"priority\":10,\"match\":{\"bucket\":\"*\"},\"flow_id\":\"f-training\","
                        + "\"parameters\":{\"artifact_url\":\"s3://${bucket}/${key}\"}}",
                "training-all", "{\"priority\":100,\"flow_id\":\"f-training\","
                        + "\"filters\":[{\"type\":\"tag\",\"operand\":\"is\",\"value\":\"training\"}]}");
        private static final Map<String, String> SECRETS = Map.of(
                "training/token", "{\"user_token\":\"" + TOKEN + "\"}",
                "training/webhook", WEBHOOK_SECRET,
                "training/bearer", BEARER);
        final AtomicInteger deployments = new AtomicInteger();
        final Queue<String> handedOff = new ConcurrentLinkedQueue<>();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        private final HttpServer server;

        StandIns() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("/v2/deploy_update") && body.contains(TOKEN)) {
                deployments.incrementAndGet();
                respond(exchange, 201, "{\"message\":\"Created\"}");
            } else if (path.startsWith("/2015-03-31/functions/") && path.endsWith("/invocations")) {
                handedOff.add(body);
                respond(exchange, 202, "");
            } else if (target.equals("secretsmanager.GetSecretValue")) {
                Matcher id = SECRET_ID.matcher(body);
                String value = id.find() ? SECRETS.get(id.group(1)) : null;
                respond(exchange, value == null ? 400 : 200, value == null ? "{\"__type\":\"ResourceNotFoundException\"}"
                        : "{\"Name\":\"" + id.group(1) + "\",\"SecretString\":" + jsonString(value) + ",\"VersionId\":\"v1\"}");
            } else if (target.equals("AmazonSSM.GetParametersByPath")) {
                respond(exchange, 200, "{\"Parameters\":[" + String.join(",", ROUTES.entrySet().stream()
                        .map(route -> "{\"Name\":\"" + ROUTES_PATH + route.getKey() + "\",\"Type\":\"String\",\"Value\":"
                                + jsonString(route.getValue()) + ",\"Version\":1,\"DataType\":\"text\"}")
                        .toList()) + "]}");
            } else if (target.equals("DynamoDB_20120810.PutItem") || target.equals("DynamoDB_20120810.DeleteItem")) {
                respond(exchange, 200, "{}"); // every claim is new, every completion and release succeeds
            } else {
                unexpected.add(exchange.getRequestMethod() + " " + path + " " + target);
                respond(exchange, 400, "{}");
            }
        }

        private static String jsonString(String value) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
