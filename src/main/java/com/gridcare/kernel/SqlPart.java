package com.gridcare.kernel;

import java.util.List;

/**
 * A query a table's owner hands to another feature to use as a sub-select in one set-based statement
 * (the owner keeps the SQL against its tables; the caller only names the columns it promises).
 * Its {@code ?} parameters are {@code params}, in order.
 */
public record SqlPart(String sql, List<Object> params) {

    public SqlPart {
        params = List.copyOf(params);
    }
}
