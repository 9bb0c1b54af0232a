package io.connectdeployer.handoff;

import java.util.Optional;

import io.connectdeployer.deadline.Deadline;

/**
 * Hands a verified GitHub release to an asynchronous invocation of this function, so GitHub gets its answer
 * within its 10-second limit and Lambda's async retries and on-failure destination keep the release.
 */
public interface ReleaseHandOff {

    /** Releases deploy in the invocation that received them (dev mode, tests, no GITHUB_HANDOFF_TARGET). */
    ReleaseHandOff NONE = new ReleaseHandOff() {

        @Override
        public Optional<String> target() {
            return Optional.empty();
        }

        @Override
        public void send(byte[] event, Deadline deadline) {
            throw new IllegalStateException("no GITHUB_HANDOFF_TARGET is set");
        }
    };

    /** The function (alias ARN) releases are handed to, or empty when they deploy synchronously. */
    Optional<String> target();

    /**
     * @throws HandOffFailedException when the invocation was not accepted
     * @throws io.connectdeployer.deadline.DeadlineExceededException when the deadline passed first
     */
    void send(byte[] event, Deadline deadline);
}
