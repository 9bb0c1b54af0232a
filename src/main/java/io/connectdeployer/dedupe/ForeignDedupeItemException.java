package io.connectdeployer.dedupe;

import io.connectdeployer.error.DeployerException;

/**
 * The dedupe table holds an item under our key that this function did not write (no {@code state} or
 * {@code expires_at}): the table is shared with something else. Nothing was deployed; a retry finds the same item.
 */
public class ForeignDedupeItemException extends DeployerException {

    public ForeignDedupeItemException(String key, String table) {
        super("Item '" + key + "' in DynamoDB table '" + table + "' (DEDUPE_TABLE) was not written by connect-deployer"
                + " (it has no 'state' or 'expires_at'): is the table shared, say with a Powertools idempotency table, which"
                + " also keys on 'id'? Give the function a table of its own, or a DEDUPE_NAMESPACE no one else uses."
                + " Nothing was deployed.");
    }

    @Override
    public int httpStatus() {
        return 500;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
