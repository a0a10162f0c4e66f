package com.gridcare.customer;

import com.gridcare.db.Database;
import com.gridcare.db.TransactionCache;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers and their monthly consumption in GridCare's tables. */
@Repository
public class CustomerRepository {

    /** Consumption, payment and contact figures over the last 12 months, for the rules. */
    public record History(double annualKwh, BigDecimal annualBilled, int bills, int billsPaidOnTime,
            boolean arrearsOver90Days, int contactsLastYear, int digitalContactsLastYear,
            int billingComplaintsLast12Months) {

        public double onTimePaymentShare() {
            return bills == 0 ? 1.0 : (double) billsPaidOnTime / bills;
        }
    }

    /** A customer's evaluation to store. */
    public record Rated(String customerId, CustomerEvaluation evaluation) {}

    private final JdbcClient jdbc;
    private final CustomerCases cases;
    private final Database database;
    /** Customers this transaction has read: the steps of one engine command read their customer once. */
    private final TransactionCache<String, Optional<Customer>> read = new TransactionCache<>();

    CustomerRepository(JdbcClient jdbc, CustomerCases cases, Database database) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.database = database;
    }

    public Optional<Customer> find(String id) {
        return read.get(id, key -> jdbc.sql("SELECT * FROM customer WHERE id = ?").param(key)
                .query(CustomerRepository::map).optional());
    }

    /** The customers with these ids (in no particular order); unknown ids are left out. */
    public List<Customer> findAll(Collection<String> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM customer WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ")").params(List.copyOf(ids)).query(CustomerRepository::map).list();
    }

    /** Ids of the customers whose latest evaluation gave one of the tiers, in id order. */
    public List<String> idsWithTier(Tier... tiers) {
        return jdbc.sql("SELECT id FROM customer WHERE tier IN (" + String.join(", ", Collections.nCopies(tiers.length, "?"))
                + ") ORDER BY id").params(Arrays.stream(tiers).map(Enum::name).toList()).query(String.class).list();
    }

    /** A customer chosen for a campaign: id and segments now. */
    public record Targeted(String id, Set<String> segments) {}

    /**
     * The customers (not erased) of a target group, in id order; a null criterion matches everyone.
     */
    public List<Targeted> targeted(Tier tier, String segment, CustomerClass customerClass, Area area) {
        var sql = new StringBuilder("SELECT id, segments FROM customer WHERE erased_at IS NULL");
        var params = new ArrayList<Object>();
        if (tier != null) { sql.append(" AND tier = ?"); params.add(tier.name()); }
        if (segment != null) { sql.append(" AND (',' || segments || ',') LIKE ?"); params.add("%," + segment + ",%"); }
        if (customerClass != null) { sql.append(" AND customer_class = ?"); params.add(customerClass.name()); }
        if (area != null) { sql.append(" AND area = ?"); params.add(area.name()); }
        return jdbc.sql(sql.append(" ORDER BY id").toString()).params(params)
                .query((rs, n) -> new Targeted(rs.getString(1), split(rs.getString(2)))).list();
    }

    /** Ids of the customers enrolled in the green plan, in id order. */
    public List<String> greenPlanIds() {
        return jdbc.sql("SELECT id FROM customer WHERE green_plan_since IS NOT NULL ORDER BY id").query(String.class)
                .list();
    }

    /** The customer's name, phone, e-mail and address (each may be null), the row locked until the transaction ends. */
    Optional<List<String>> lockPersonalData(String id) {
        read.forget(id);
        return jdbc.sql("SELECT name, phone, email, address FROM customer WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** When the customer was erased, if they were. */
    public Optional<OffsetDateTime> erasedAt(String id) {
        return jdbc.sql("SELECT erased_at FROM customer WHERE id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).optional()
                .flatMap(o -> o);
    }

    /** Erasure of the master data: the name replaced, contact data gone; who and when kept from the first erasure. */
    int erase(String id, String replacement, String by, OffsetDateTime now) {
        read.forget(id);
        return jdbc.sql("""
                UPDATE customer SET name = ?, phone = NULL, email = NULL, address = NULL, updated_at = ?,
                       erased_at = COALESCE(erased_at, ?), erased_by = COALESCE(erased_by, ?)
                 WHERE id = ?""").params(replacement, now, now, by, id).update();
    }

    /** How many customers there are. */
    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM customer").query(Integer.class).single();
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }

    /** @return true when the customer was created, false when updated */
    public boolean save(String id, CustomerMasterData data, OffsetDateTime now) {
        read.forget(id);
        int updated = jdbc.sql("""
                UPDATE customer SET name = ?, customer_class = ?, supply_voltage_kv = ?, contracted_capacity_kva = ?,
                       contract_start = ?, contract_term_years = ?, critical_load = ?, priority_care = ?,
                       green_preference = ?, area = ?, preferred_channel = ?, phone = ?, email = ?, address = ?,
                       feeder_id = ?, transformer_area = ?, updated_at = ?
                 WHERE id = ?""")
                .params(data.name(), data.customerClass().name(), data.supplyVoltageKv(), data.contractedCapacityKva(),
                        data.contractStart(), data.contractTermYears(), data.criticalLoad(), data.priorityCare(),
                        data.greenPreference(), data.area().name(), data.preferredChannel().name(), data.phone(),
                        data.email(), data.address(), data.feederId(), data.transformerArea(), now, id)
                .update();
        if (updated > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO customer (id, name, customer_class, supply_voltage_kv, contracted_capacity_kva,
                       contract_start, contract_term_years, critical_load, priority_care, green_preference, area,
                       preferred_channel, phone, email, address, feeder_id, transformer_area, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, data.name(), data.customerClass().name(), data.supplyVoltageKv(),
                        data.contractedCapacityKva(), data.contractStart(), data.contractTermYears(),
                        data.criticalLoad(), data.priorityCare(), data.greenPreference(), data.area().name(),
                        data.preferredChannel().name(), data.phone(), data.email(), data.address(), data.feederId(),
                        data.transformerArea(), now, now)
                .update();
        return true;
    }

    /** Enrols the customer in the green plan from {@code since}; an earlier enrolment stays. */
    public void startGreenPlan(String customerId, LocalDate since, OffsetDateTime now) {
        read.forget(customerId);
        jdbc.sql("UPDATE customer SET green_plan_since = COALESCE(green_plan_since, ?), updated_at = ? WHERE id = ?")
                .params(since, now, customerId).update();
    }

    /** The consumption stored for a month, if any. */
    public Optional<BigDecimal> monthKwh(String customerId, YearMonth month) {
        return jdbc.sql("SELECT kwh FROM customer_consumption WHERE customer_id = ? AND billing_month = ?")
                .params(customerId, month.atDay(1)).query(BigDecimal.class).optional();
    }

    /** Adds or replaces the given months; other months stay as they are. */
    public void saveConsumption(String customerId, List<MonthlyConsumption> months) {
        for (var month : months) {
            var first = YearMonth.parse(month.month()).atDay(1);
            int updated = jdbc.sql("""
                    UPDATE customer_consumption SET kwh = ?, billed_amount = ?, paid_on_time = ?
                     WHERE customer_id = ? AND billing_month = ?""")
                    .params(month.kwh(), month.billedAmount(), month.paidOnTime(), customerId, first)
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                        INSERT INTO customer_consumption (customer_id, billing_month, kwh, billed_amount, paid_on_time)
                        VALUES (?, ?, ?, ?, ?)""")
                        .params(customerId, first, month.kwh(), month.billedAmount(), month.paidOnTime())
                        .update();
            }
        }
    }

    /**
     * The last 12 complete or current months up to {@code today}. Arrears over 90 days: the three
     * most recent bills were all not paid on time, so a debt has been open for more than 90 days.
     */
    public History history(String customerId, LocalDate today) {
        var from = YearMonth.from(today).minusMonths(11).atDay(1);
        record Month(LocalDate month, BigDecimal kwh, BigDecimal billed, boolean paidOnTime) {}
        var months = jdbc.sql("""
                SELECT billing_month, kwh, billed_amount, paid_on_time FROM customer_consumption
                 WHERE customer_id = ? AND billing_month >= ? ORDER BY billing_month DESC""")
                .params(customerId, from)
                .query((rs, n) -> new Month(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBoolean(4)))
                .list();
        double kwh = months.stream().mapToDouble(m -> m.kwh().doubleValue()).sum();
        var billed = months.stream().map(Month::billed).reduce(BigDecimal.ZERO, BigDecimal::add);
        int paid = (int) months.stream().filter(Month::paidOnTime).count();
        boolean arrears = months.size() >= 3 && months.stream().limit(3).noneMatch(Month::paidOnTime);
        var yearAgo = today.minusYears(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        var counts = cases.contactsSince(List.of(customerId), yearAgo)
                .getOrDefault(customerId, CustomerCases.Counts.NONE);
        return new History(kwh, billed, months.size(), paid, arrears, counts.contacts(), counts.digital(),
                counts.billingComplaints());
    }

    /** Customers in id order after {@code afterId} (null for the first page). */
    public List<Customer> page(String afterId, int limit) {
        return jdbc.sql("SELECT * FROM customer WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")
                .params(afterId == null ? "" : afterId, limit)
                .query(CustomerRepository::map).list();
    }

    /** {@link #history} for many customers at once (two queries), for simulations over every customer. */
    public Map<String, History> histories(Collection<String> customerIds, LocalDate today) {
        if (customerIds.isEmpty()) return new HashMap<>();
        var ids = List.copyOf(customerIds);
        return histories(ids, "customer_id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", ids,
                cases.contactsSince(ids, yearBefore(today)), today);
    }

    /**
     * {@link #histories} of a page of customers in id order ({@link #page}), read by the range of their ids, which
     * the indexes walk (a list of thousands of ids is planned as a scan of the whole table).
     */
    public Map<String, History> historiesOfPage(List<Customer> page, LocalDate today) {
        if (page.isEmpty()) return new HashMap<>();
        var first = page.get(0).id();
        var last = page.get(page.size() - 1).id();
        return histories(page.stream().map(Customer::id).toList(), "customer_id BETWEEN ? AND ?", List.of(first, last),
                cases.contactsBetween(first, last, yearBefore(today)), today);
    }

    private static OffsetDateTime yearBefore(LocalDate today) {
        return today.minusYears(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private Map<String, History> histories(List<String> ids, String customers, List<?> customersParams,
            Map<String, CustomerCases.Counts> contacts, LocalDate today) {
        var from = YearMonth.from(today).minusMonths(11).atDay(1);
        record Month(String customerId, BigDecimal kwh, BigDecimal billed, boolean paidOnTime) {}
        var params = new ArrayList<Object>(customersParams);
        params.add(from);
        var months = jdbc.sql("SELECT customer_id, kwh, billed_amount, paid_on_time FROM customer_consumption"
                        + " WHERE " + customers + " AND billing_month >= ? ORDER BY customer_id, billing_month DESC")
                .params(params)
                .query((rs, n) -> new Month(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBoolean(4)))
                .list();
        var byCustomer = new HashMap<String, List<Month>>();
        months.forEach(m -> byCustomer.computeIfAbsent(m.customerId(), k -> new ArrayList<>()).add(m));
        var result = new HashMap<String, History>();
        for (var id : ids) {
            var list = byCustomer.getOrDefault(id, List.of());
            double kwh = list.stream().mapToDouble(m -> m.kwh().doubleValue()).sum();
            var billed = list.stream().map(Month::billed).reduce(BigDecimal.ZERO, BigDecimal::add);
            int paid = (int) list.stream().filter(Month::paidOnTime).count();
            boolean arrears = list.size() >= 3 && list.stream().limit(3).noneMatch(Month::paidOnTime);
            var c = contacts.getOrDefault(id, CustomerCases.Counts.NONE);
            result.put(id, new History(kwh, billed, list.size(), paid, arrears, c.contacts(), c.digital(),
                    c.billingComplaints()));
        }
        return result;
    }

    /** The billed amounts of these customers' bills for {@code month}, by customer (none: no bill). */
    public Map<String, BigDecimal> billed(Collection<String> customerIds, YearMonth month) {
        var out = new HashMap<String, BigDecimal>();
        if (customerIds.isEmpty()) return out;
        jdbc.sql("SELECT customer_id, billed_amount FROM customer_consumption WHERE billing_month = ? AND customer_id = ANY(?)")
                .params(month.atDay(1), customerIds.toArray(String[]::new))
                .query((rs, n) -> out.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return out;
    }

    /**
     * Every rated customer's tier at {@code at}, from the tier history ({@code customer_tier_change}): the tier
     * before its first change after {@code at}, or its stored tier when it has not changed since (and was a
     * customer then).
     */
    public Map<String, String> tiersAt(OffsetDateTime at) {
        var tiers = new HashMap<String, String>();
        jdbc.sql("SELECT id, tier FROM customer WHERE tier IS NOT NULL AND created_at < ?").param(at)
                .query((rs, n) -> tiers.put(rs.getString(1), rs.getString(2))).list();
        var seen = new java.util.HashSet<String>();
        jdbc.sql("SELECT customer_id, from_tier FROM customer_tier_change WHERE changed_at >= ? ORDER BY changed_at, id")
                .param(at)
                .query((rs, n) -> {
                    var id = rs.getString(1);
                    if (seen.add(id)) {
                        if (rs.getString(2) == null) tiers.remove(id);
                        else tiers.put(id, rs.getString(2));
                    }
                    return null;
                }).list();
        return tiers;
    }

    /** Stores the customer's evaluation, recording a change of tier; whether the tier changed. */
    public boolean saveEvaluation(String customerId, CustomerEvaluation evaluation, OffsetDateTime now) {
        read.forget(customerId);
        var before = jdbc.sql("SELECT tier FROM customer WHERE id = ?").param(customerId).query(String.class).optional()
                .orElse(null);
        boolean changed = !evaluation.getTier().name().equals(before);
        if (changed) {
            // the tier history the service report's tier views read (TierReportSections)
            jdbc.sql("INSERT INTO customer_tier_change (customer_id, from_tier, to_tier, changed_at) VALUES (?, ?, ?, ?)")
                    .params(customerId, before, evaluation.getTier().name(), now).update();
        }
        jdbc.sql("UPDATE customer SET tier = ?, flags = ?, segments = ?, evaluated_at = ? WHERE id = ?")
                .params(evaluation.getTier().name(), String.join(",", evaluation.getFlags()),
                        String.join(",", evaluation.getSegments()), now, customerId)
                .update();
        return changed;
    }

    /**
     * {@link #saveEvaluation} for many customers: on PostgreSQL one statement over arrays (the tier changes read
     * the tiers the update replaces: one snapshot), on H2 one customer after another. The number of tier changes.
     */
    public int saveEvaluations(List<Rated> rated, OffsetDateTime now) {
        if (rated.isEmpty()) return 0;
        if (!database.isPostgres()) {
            int changes = 0;
            for (var r : rated) {
                if (saveEvaluation(r.customerId(), r.evaluation(), now)) changes++;
            }
            return changes;
        }
        return jdbc.sql("""
                WITH rated (id, tier, flags, segments) AS (
                       SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])),
                     changed AS (
                       INSERT INTO customer_tier_change (customer_id, from_tier, to_tier, changed_at)
                       SELECT c.id, c.tier, r.tier, ? FROM customer c JOIN rated r ON r.id = c.id
                        WHERE c.tier IS DISTINCT FROM r.tier
                       RETURNING 1),
                     updated AS (
                       UPDATE customer c SET tier = r.tier, flags = r.flags, segments = r.segments, evaluated_at = ?
                         FROM rated r WHERE c.id = r.id)
                SELECT COUNT(*) FROM changed""")
                .params(rated.stream().map(Rated::customerId).toArray(String[]::new),
                        rated.stream().map(r -> r.evaluation().getTier().name()).toArray(String[]::new),
                        rated.stream().map(r -> String.join(",", r.evaluation().getFlags())).toArray(String[]::new),
                        rated.stream().map(r -> String.join(",", r.evaluation().getSegments())).toArray(String[]::new),
                        now, now)
                .query(Integer.class).single();
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        var tier = rs.getString("tier");
        return new Customer(rs.getString("id"), rs.getString("name"),
                CustomerClass.valueOf(rs.getString("customer_class")), rs.getBigDecimal("supply_voltage_kv"),
                rs.getBigDecimal("contracted_capacity_kva"), rs.getObject("contract_start", LocalDate.class),
                (Integer) rs.getObject("contract_term_years"), rs.getBoolean("critical_load"),
                rs.getBoolean("priority_care"), rs.getBoolean("green_preference"),
                rs.getObject("green_plan_since", LocalDate.class), Area.valueOf(rs.getString("area")),
                PreferredChannel.valueOf(rs.getString("preferred_channel")), rs.getString("phone"),
                rs.getString("email"), rs.getString("address"), tier == null ? null : Tier.valueOf(tier),
                split(rs.getString("flags")), split(rs.getString("segments")),
                rs.getObject("evaluated_at", OffsetDateTime.class), rs.getString("feeder_id"),
                rs.getString("transformer_area"));
    }

    static Set<String> split(String list) {
        return list == null || list.isBlank() ? Set.of()
                : new TreeSet<>(Arrays.asList(list.split(",")));
    }

    static String join(Collection<String> values) {
        return String.join(",", values);
    }
}
