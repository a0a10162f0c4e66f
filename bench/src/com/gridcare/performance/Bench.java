package com.gridcare.performance;

import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.db.Database;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** One running GridCare (as shipped, or the stock engine configuration) the workloads drive. */
final class Bench {

    static final String USER = "benchagent";
    /** A front-line agent in customer-service only, as the inbox query's user. */
    static final String FRONT_LINE = "benchfrontline";
    static final String PASSWORD = "bench-password";

    final String side;
    final ApplicationContext context;
    final ProcessEngine engine;
    final JdbcClient jdbc;
    final TransactionTemplate transactions;
    final boolean postgres;
    final Figures figures;
    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final List<String> customers = new ArrayList<>();

    Bench(String side, ApplicationContext context, int port, Figures figures) {
        this.side = side;
        this.context = context;
        this.engine = context.getBean(ProcessEngine.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.postgres = context.getBean(Database.class).isPostgres();
        this.figures = figures;
        this.base = "http://localhost:" + port;
        this.authorization = basic(USER);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** {@link #USER}: in every staff group and a channel system; {@link #FRONT_LINE}: in customer-service only. */
    void user() {
        var identity = bean(IdentityService.class);
        for (var id : List.of(USER, FRONT_LINE)) {
            if (identity.createUserQuery().userId(id).count() > 0) continue;
            var user = identity.newUser(id);
            user.setFirstName("Benchmark");
            user.setLastName(id.equals(USER) ? "Agent" : "Front line");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            for (var group : Groups.ALL) {
                boolean staff = !group.equals(Groups.ADMINS) && !group.equals(Groups.RULE_ANALYSTS);
                if (id.equals(USER) ? staff : group.equals(Groups.CUSTOMER_SERVICE)) identity.createMembership(id, group);
            }
        }
    }

    /** Customers through GridCare's own service, with a year of consumption: mostly households, some large. */
    void customers(int count) {
        var service = bean(CustomerService.class);
        var today = LocalDate.now(bean(Clock.class));
        for (int i = 0; i < count; i++) {
            var id = "B" + side.charAt(0) + i;
            boolean large = i % 10 == 0;
            customers.add(id);
            if (service.save(id, new CustomerMasterData("Benchmark customer " + i,
                    large ? CustomerClass.INDUSTRIAL : CustomerClass.RESIDENTIAL,
                    new BigDecimal(large ? "35" : "0.22"), new BigDecimal(large ? "20000" : "8"),
                    today.minusYears(3), null, false, i % 7 == 0, false, Area.URBAN, PreferredChannel.SMS,
                    "13800138000", null, null))) {
                service.saveConsumption(id, TestData.twelveMonths(today, large ? 12_000_000 : 3600));
            }
        }
    }

    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Answer post(String path, String json, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return send(request.build());
    }

    /** {@code GET path} as {@code user}. */
    Answer get(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user)).GET().build());
    }

    private Answer send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, e.toString());
        }
    }
}
