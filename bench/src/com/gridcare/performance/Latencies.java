package com.gridcare.performance;

import java.util.Arrays;

/** Latencies of one operation, recorded from many threads; percentiles in milliseconds. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    synchronized void add(long elapsedNanos) {
        if (size == nanos.length) nanos = Arrays.copyOf(nanos, size * 2);
        nanos[size++] = elapsedNanos;
    }

    synchronized int count() {
        return size;
    }

    /** The q-quantile (0..1) in milliseconds; NaN when nothing was recorded. */
    synchronized double percentileMillis(double q) {
        if (size == 0) return Double.NaN;
        var sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(q * size) - 1));
        return sorted[index] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(1);
    }
}
