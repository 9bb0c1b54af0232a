package io.connectdeployer.testing;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/** Fixtures of AWS events that are not triggers, and what the unrecognised-event message must say each one is. */
public final class NotTriggers {

    public static final String PREFIX = "Unrecognised event, nothing was deployed: ";
    public static final String SUFFIX = ". Expected a deploy event, an S3 event notification, an EventBridge event "
            + "or a Lambda Function URL request (payload format 2.0)";

    private static final String QUEUE = "; this function takes S3 and EventBridge events directly, not through a queue or topic";
    private static final String AWS_EVENT = "; of AWS's own events only S3's and schedules trigger deployments";

    private NotTriggers() {
    }

    /** The whole message for an event that looks like {@code what}. */
    public static String message(String what) {
        return PREFIX + what + SUFFIX;
    }

    /** Pairs of a fixture under src/test/resources and what the message names it. */
    public static Stream<Arguments> described() {
        return Stream.of(
                Arguments.of("events/sqs/message.json", "SQS messages ('Records' from aws:sqs)" + QUEUE),
                Arguments.of("events/sns/notification.json", "an SNS notification ('Records' from aws:sns)" + QUEUE),
                Arguments.of("events/dynamodb/stream-insert.json", "DynamoDB stream records ('Records' from aws:dynamodb)"),
                Arguments.of("events/kinesis/records.json", "Kinesis stream records ('Records' from aws:kinesis)"),
                Arguments.of("events/ses/receipt.json", "an SES email receipt ('Records' from aws:ses)"),
                Arguments.of("events/codecommit/push.json", "a CodeCommit repository trigger ('Records' from aws:codecommit)"),
                Arguments.of("events/apigateway/rest-proxy.json",
                        "an API Gateway REST API proxy request (payload format 1.0; a Function URL sends 2.0)"),
                Arguments.of("events/s3-batch/job.json", "an S3 Batch Operations job"),
                Arguments.of("events/lambda-destination/on-failure.json", "a Lambda destination record of an invocation of "
                        + "arn:aws:lambda:eu-west-1:123456789012:function:release-notifier:$LATEST"),
                Arguments.of("events/cloudwatch-logs/subscription.json", "a CloudWatch Logs subscription batch"),
                Arguments.of("events/cloudformation/create.json",
                        "a CloudFormation custom resource request (Create); CloudFormation will wait for an answer this function never sends"),
                Arguments.of("events/alb/request.json", "an Application Load Balancer request"),
                Arguments.of("events/eventbridge/ecr-image-action.json",
                        "an EventBridge event from aws.ecr, detail-type 'ECR Image Action'" + AWS_EVENT),
                Arguments.of("events/eventbridge/codebuild-build-state-change.json",
                        "an EventBridge event from aws.codebuild, detail-type 'CodeBuild Build State Change'" + AWS_EVENT),
                Arguments.of("events/eventbridge/ec2-instance-state-change.json",
                        "an EventBridge event from aws.ec2, detail-type 'EC2 Instance State-change Notification'" + AWS_EVENT));
    }
}
