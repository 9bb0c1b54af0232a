package io.connectdeployer.e2e;

import io.quarkus.amazon.lambda.runtime.MockEventServer;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus's mock Lambda Runtime API, answering 202 to a posted result or error as the real Runtime API does:
 * the Lambda runtime interface client treats Quarkus's 204 as a failure and exits.
 */
final class RuntimeApiServer extends MockEventServer {

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
