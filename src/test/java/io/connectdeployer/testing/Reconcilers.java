package io.connectdeployer.testing;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.connect.ConnectBodies;
import io.connectdeployer.connect.ConnectClient;
import io.connectdeployer.connect.ConnectDialect;
import io.connectdeployer.connect.Reconciler;
import io.connectdeployer.connect.Sleeper;

/** The lookup after a lost answer as the deploy_update API has it: none (it has no list), so it never waits or calls. */
public final class Reconcilers {

    private Reconcilers() {
    }

    public static Reconciler deployUpdate(ConnectClient client) {
        return new Reconciler(client, new ConnectBodies(new ObjectMapper()), ConnectDialect.DEPLOY_UPDATE, Duration.ZERO,
                Duration.ZERO, Sleeper.THREAD);
    }
}
