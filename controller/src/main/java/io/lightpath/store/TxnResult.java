package io.lightpath.store;

import java.util.List;

/**
 * The outcome of a {@link Txn}.
 *
 * @param succeeded whether every compare held (so the success branch ran)
 * @param revision the store revision after the transaction: the new revision if the branch wrote
 *     anything, otherwise the unchanged current revision
 * @param results one result per op of the branch that ran
 */
public record TxnResult(boolean succeeded, long revision, List<OpResult> results) {

  public TxnResult {
    results = List.copyOf(results);
  }
}
