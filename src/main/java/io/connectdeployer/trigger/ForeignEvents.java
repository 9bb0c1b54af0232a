package io.connectdeployer.trigger;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Says what an event that is no trigger looks like, for {@link UnrecognizedEventException}: the service that sent it
 * when its structure tells (an SQS batch, an API Gateway REST request, a Lambda destination record), else its keys.
 * Every text taken from the event is cut short, so the message stays readable in a dead-letter queue's console.
 */
final class ForeignEvents {

    private static final Map<String, String> RECORDS = Map.of(
            "aws:sqs", "SQS messages",
            "aws:sns", "an SNS notification",
            "aws:dynamodb", "DynamoDB stream records",
            "aws:kinesis", "Kinesis stream records",
            "aws:ses", "an SES email receipt",
            "aws:codecommit", "a CodeCommit repository trigger");

    private ForeignEvents() {
    }

    /** {@code Records[]} not from S3; SNS spells the field {@code EventSource}, the others {@code eventSource}. */
    static String records(JsonNode records) {
        JsonNode first = records.isEmpty() ? null : records.get(0);
        String source = Optional.ofNullable(Envelope.text(first, "eventSource")).orElse(Envelope.text(first, "EventSource"));
        if (source == null) {
            return "'Records' from no known source";
        }
        String what = "'Records' from " + cut(source, 60);
        String service = RECORDS.get(source);
        if (service == null) {
            return what;
        }
        return service + " (" + what + ")" + ("aws:sqs".equals(source) || "aws:sns".equals(source)
                ? "; this function takes S3 and EventBridge events directly, not through a queue or topic" : "");
    }

    static String eventBridge(String source, String detailType) {
        return "an EventBridge event from " + cut(source, 60) + (detailType == null ? "" : ", detail-type '" + cut(detailType, 60) + "'")
                + "; of AWS's own events only S3's and schedules trigger deployments";
    }

    /** Events of AWS services that are not triggers, recognised by the keys their documented formats always have. */
    static Optional<String> named(JsonNode event) {
        if (Envelope.at(event, "requestContext", "elb") != null) {
            return Optional.of("an Application Load Balancer request");
        }
        if (event.has("httpMethod") && event.has("resource") && event.has("requestContext")) {
            return Optional.of("an API Gateway REST API proxy request (payload format 1.0; a Function URL sends 2.0)");
        }
        if (event.has("invocationSchemaVersion") && event.has("job") && event.has("tasks")) {
            return Optional.of("an S3 Batch Operations job");
        }
        String function = Envelope.text(event, "requestContext", "functionArn");
        if (function != null && (event.has("requestPayload") || event.has("responsePayload"))) {
            return Optional.of("a Lambda destination record of an invocation of " + cut(function, 140));
        }
        if (event.has("awslogs")) {
            return Optional.of("a CloudWatch Logs subscription batch");
        }
        if (event.has("RequestType") && event.has("ResponseURL")) {
            String type = Envelope.text(event, "RequestType");
            return Optional.of("a CloudFormation custom resource request" + (type == null ? "" : " (" + cut(type, 20) + ")")
                    + "; CloudFormation will wait for an answer this function never sends");
        }
        return Optional.empty();
    }

    /** The top-level keys in order, as many as fit in about 160 characters. */
    static String keys(JsonNode event) {
        StringBuilder keys = new StringBuilder("top-level keys [");
        int listed = 0;
        for (Iterator<String> names = event.fieldNames(); names.hasNext() && keys.length() < 110; listed++) {
            keys.append(listed == 0 ? "" : ", ").append(cut(names.next(), 40));
        }
        int more = event.size() - listed;
        return keys.append(more == 0 ? "" : ", ... " + more + " more").append(']').toString();
    }

    /** At most {@code max} characters: the start of {@code text} and {@code ...}; never half a surrogate pair. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 3;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + "...";
    }
}
