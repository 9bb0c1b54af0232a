package io.connectdeployer.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.connectdeployer.deploy.App;
import io.connectdeployer.function.DeployResult.Deployment;
import io.connectdeployer.function.DeployResult.Status;
import io.connectdeployer.trigger.Source;

/** The message of a multi-record failure: each entry named by its object, with its outcome. */
class DeploymentsFailedExceptionTest {

    @Test
    void should_name_each_entry_by_its_object_not_its_sequencer_when_a_multi_record_event_fails() {
        // given
        DeployResult result = new DeployResult(Status.FAILED, Source.S3, null, List.of(
                new Deployment(Status.CREATED, "006747E2C5A13F0B21", "Demo", "f-1", new App("gateway", "v1.5.0"), 201, 1, null, null, null, null, null),
                new Deployment(Status.IGNORED, "006747E2C5B8D44C7A", null, null, null, null, null, null, null,
                        "S3 event ObjectRemoved:Delete is not an object creation", null, null),
                new Deployment(Status.FAILED, "006747E2C61E9A3F55", "Demo", "f-1", new App("sensor", "v3.1.0"), null, 3, null, null, null,
                        new DeployResult.Error("ConnectUnavailableException", "Connect answered 503", List.of()), null)), null);
        List<String> names = List.of("s3://firmware-releases/gateway/v1.5.0/gateway-fw.bin",
                "s3://firmware-releases/gateway/v1.3.0/gateway-fw.bin", "s3://firmware-releases/sensor/v3.1.0/sensor-fw.bin");

        // when
        DeploymentsFailedException failure = new DeploymentsFailedException(names, result);

        // then
        assertEquals("3 deployments, not all started: s3://firmware-releases/gateway/v1.5.0/gateway-fw.bin created; "
                + "s3://firmware-releases/gateway/v1.3.0/gateway-fw.bin ignored; "
                + "s3://firmware-releases/sensor/v3.1.0/sensor-fw.bin failed (ConnectUnavailableException: Connect answered 503)",
                failure.getMessage());
    }
}
