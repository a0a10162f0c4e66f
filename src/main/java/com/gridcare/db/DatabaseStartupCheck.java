package com.gridcare.db;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything else touches a PostgreSQL database, connects to it once: a database that does not
 * exist is created when {@code gridcare.database.create-if-missing} is on (profile {@code postgres})
 * and the user may create databases; otherwise, and when the server cannot be reached or refuses the
 * login, start-up stops with one sentence naming the URL and the fix ({@link DatabaseStartupFailure})
 * instead of the chain of bean exceptions the connection pool, Flyway and the engine would raise.
 */
public class DatabaseStartupCheck implements EnvironmentPostProcessor {

    static final String CREATE_IF_MISSING = "gridcare.database.create-if-missing";

    private static final Pattern POSTGRES_URL = Pattern.compile(
            "^jdbc:postgresql://(?<server>[^/?]+)/(?<database>[^?]+)(?<parameters>\\?.*)?$");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$-]{0,62}");
    private static final String INVALID_CATALOG = "3D000";
    private static final String INVALID_PASSWORD = "28P01";
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final Log log;

    public DatabaseStartupCheck(DeferredLogFactory logs) {
        this.log = logs.getLog(DatabaseStartupCheck.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var url = environment.getProperty("spring.datasource.url", "");
        var m = POSTGRES_URL.matcher(url);
        if (!m.matches()) return;
        var user = environment.getProperty("spring.datasource.username", "");
        var password = environment.getProperty("spring.datasource.password", "");
        var create = Binder.get(environment).bind("gridcare.database", DatabaseProperties.class)
                .map(DatabaseProperties::createIfMissing).orElseThrow(() -> new IllegalStateException(
                        CREATE_IF_MISSING + " is not set (application.yaml sets it)"));
        check(url, m.group("server"), m.group("database"), m.group("parameters"), user, password, create);
    }

    void check(String url, String server, String database, String parameters, String user, String password,
            boolean create) {
        try (var connection = DriverManager.getConnection(url, properties(user, password))) {
            return;
        } catch (SQLException e) {
            if (!INVALID_CATALOG.equals(e.getSQLState())) throw failure(url, user, database, e);
        }
        if (!create) {
            throw new DatabaseStartupFailure(url, "PostgreSQL database \"" + database + "\" does not exist at " + url,
                    "create it (" + createCommand(server, user, database) + ") or point GRIDCARE_DB_URL at an existing one");
        }
        createDatabase(url, server, database, parameters, user, password);
    }

    private void createDatabase(String url, String server, String database, String parameters, String user,
            String password) {
        if (!PLAIN_NAME.matcher(database).matches()) {
            throw new DatabaseStartupFailure(url, "PostgreSQL database \"" + database + "\" does not exist at " + url
                    + " and GridCare creates only plain names (letters, digits, _ $ -)",
                    "create it yourself or point GRIDCARE_DB_URL at an existing database");
        }
        var maintenance = "jdbc:postgresql://" + server + "/postgres" + (parameters == null ? "" : parameters);
        try (var connection = DriverManager.getConnection(maintenance, properties(user, password));
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + database + "\"");
            log.info("Created PostgreSQL database \"" + database + "\" at " + server + " (it did not exist)");
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw new DatabaseStartupFailure(url, "PostgreSQL database \"" + database + "\" does not exist at "
                        + url + " and user \"" + user + "\" may not create databases",
                        "create it as a user who may (" + createCommand(server, "postgres", database)
                                + ") or give \"" + user + "\" CREATEDB");
            }
            throw failure(url, user, database, e);
        }
    }

    private static DatabaseStartupFailure failure(String url, String user, String database, SQLException e) {
        var state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals(INVALID_PASSWORD) || state.equals(INVALID_AUTHORIZATION)) {
            return new DatabaseStartupFailure(url, "PostgreSQL at " + url + " refused user \"" + user + "\": "
                    + firstLine(e), "set GRIDCARE_DB_USER and GRIDCARE_DB_PASSWORD to a user that may connect to \""
                    + database + "\"");
        }
        if (state.startsWith("08")) {
            return new DatabaseStartupFailure(url, "PostgreSQL at " + url + " cannot be reached: " + firstLine(e),
                    "start PostgreSQL there, or point GRIDCARE_DB_URL at a running server");
        }
        return new DatabaseStartupFailure(url, "PostgreSQL at " + url + " cannot be used: " + firstLine(e),
                "check GRIDCARE_DB_URL, GRIDCARE_DB_USER and GRIDCARE_DB_PASSWORD");
    }

    private static String createCommand(String server, String user, String database) {
        var hostAndPort = server.split(":", 2);
        return "createdb -h " + hostAndPort[0] + (hostAndPort.length > 1 ? " -p " + hostAndPort[1] : "") + " -U " + user
                + " " + database;
    }

    private static String firstLine(SQLException e) {
        var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        var line = message.lines().findFirst().orElse(message).trim();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static Properties properties(String user, String password) {
        var properties = new Properties();
        if (!user.isEmpty()) properties.setProperty("user", user);
        if (!password.isEmpty()) properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        return properties;
    }
}
