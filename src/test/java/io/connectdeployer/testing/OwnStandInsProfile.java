package io.connectdeployer.testing;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A profile whose stand-ins replace the global {@link WireMockStandIns} rather than override its config: the
 * global resource sets the same keys, and which of the two wins has changed between Quarkus releases.
 */
public abstract class OwnStandInsProfile implements QuarkusTestProfile {

    /** The {@link WireMockStandIns} subclass this profile starts instead. */
    protected abstract Class<? extends WireMockStandIns> standIns();

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(standIns()));
    }
}
