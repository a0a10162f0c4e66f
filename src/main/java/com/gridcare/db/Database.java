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

    /** SQL that yields the next value of a sequence. */
    public String nextValue(String sequence) {
        return postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    }
}
