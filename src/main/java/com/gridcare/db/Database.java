package com.gridcare.db;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** The few places where PostgreSQL and H2 need different SQL. */
@Component
public class Database {

    private final boolean postgres;

    Database(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * An INSERT that does nothing when it would break a unique key: PostgreSQL's
     * {@code ON CONFLICT DO NOTHING} (which also keeps the transaction usable); H2 has no such
     * clause, so there the caller catches {@code DuplicateKeyException} (H2 fails only the statement).
     */
    public String insertIgnoringDuplicates(String insert) {
        return postgres ? insert + " ON CONFLICT DO NOTHING" : insert;
    }

    /** SQL that yields the next value of a sequence. */
    public String nextValue(String sequence) {
        return postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    }
}
