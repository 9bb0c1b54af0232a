package io.connectdeployer.e2e;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.quarkus.amazon.lambda.runtime.MockEventServer;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus's mock Lambda Runtime API, answering 202 to a posted result or error as the real Runtime API does:
 * the Lambda runtime interface client treats Quarkus's 204 as a failure and exits. It also takes an init error
 * (which Quarkus's server does not), so a function that fails at init reports it and exits as in Lambda.
 */
final class RuntimeApiServer extends MockEventServer {

    private final BlockingQueue<String> initErrors = new LinkedBlockingQueue<>();

    @Override
    protected void defaultHandlerSetup() {
        router.post(BASE_PATH + "/2018-06-01/runtime/init/error").handler(ctx -> {
            initErrors.add(ctx.body().asString());
            ctx.response().setStatusCode(202).end();
        });
        super.defaultHandlerSetup();
    }

    /** The body of the init error the function reported (Lambda's {@code errorMessage}, {@code errorType}), if any. */
    Optional<String> awaitInitError(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(initErrors.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void handleResponse(RoutingContext ctx) {
        complete(ctx, false);
    }

    @Override
    public void handleError(RoutingContext ctx) {
        complete(ctx, true);
    }

    private void complete(RoutingContext ctx, boolean error) {
        RoutingContext pending = responsePending.remove(ctx.pathParam("requestId"));
        if (pending == null) {
            ctx.fail(404);
            return;
        }
        if (error) {
            processError(ctx, pending, ctx.body().buffer());
        } else {
            processResponse(ctx, pending, ctx.body().buffer());
        }
        ctx.response().setStatusCode(202).end();
    }
}
