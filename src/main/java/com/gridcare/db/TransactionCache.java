package com.gridcare.db;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows one transaction has read, by key. One engine command runs many steps that each need the same
 * case, customer or clocks; with this they are read once per transaction instead of once per step. The
 * repository that owns the rows forgets a key whenever it changes them. Gone when the transaction ends;
 * outside a transaction nothing is kept.
 */
public final class TransactionCache<K, V> {

    /** The value for the key: read in this transaction before, else loaded (and kept until the transaction ends). */
    public V get(K key, Function<K, V> load) {
        var read = inTransaction();
        return read == null ? load.apply(key) : read.computeIfAbsent(key, load);
    }

    /** Keeps a value this transaction wrote, so that the next read in it needs no query. */
    public void put(K key, V value) {
        var read = inTransaction();
        if (read != null) read.put(key, value);
    }

    /** Changes the value kept for the key, if this transaction read it. */
    public void update(K key, UnaryOperator<V> change) {
        var read = inTransaction();
        if (read != null) read.computeIfPresent(key, (k, v) -> change.apply(v));
    }

    /** The key's rows changed: read them again. */
    public void forget(K key) {
        var read = inTransaction();
        if (read != null) read.remove(key);
    }

    private Map<K, V> inTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return null;
        @SuppressWarnings("unchecked")
        var read = (Map<K, V>) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            read = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, read);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionCache.this);
                }
            });
        }
        return read;
    }
}
