package com.gridcare.contract;

import com.gridcare.kernel.EngineClock;
import com.gridcare.api.ConflictException;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.Tier;
import com.gridcare.db.Database;
import com.gridcare.kernel.Groups;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts of non-residential customers and their renewals. Every contract starts its own
 * {@code contract-renewal} process (business key = contract id), which asks the owning group for a
 * renewal conversation 90 and 30 days before the contract ends and brings an undecided expiry to
 * the supervisors. A renewal or change is a new contract that starts the day after the old one ends.
 */
@Service
public class Contracts {

    public static final String PROCESS = "contract-renewal";
    static final int MAX_TERM_YEARS = 30;

    /** What a new contract says. */
    public record Terms(ContractKind kind, LocalDate startsOn, int termYears, RenewalTerms renewalTerms,
            BigDecimal contractedCapacityKva, PriceBasis priceBasis) {}

    /** What a renewal conversation decided; the fields its outcome needs. */
    public record Decision(RenewalOutcome outcome, Integer newTermYears, BigDecimal newCapacityKva,
            PriceBasis newPriceBasis, LostReason lostReason, String note) {}

    private final JdbcClient jdbc;
    private final Database database;
    private final CustomerRepository customers;
    private final RuntimeService runtime;
    private final Clock clock;

    Contracts(JdbcClient jdbc, Database database, CustomerRepository customers, RuntimeService runtime, Clock clock) {
        this.jdbc = jdbc;
        this.database = database;
        this.customers = customers;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Records a contract and starts its renewal process. */
    @Transactional
    public Contract create(String customerId, Terms terms, String by) {
        var customer = customers.find(customerId)
                .orElseThrow(() -> new NotFoundException("customerId: no customer " + customerId));
        if (customer.customerClass() == CustomerClass.RESIDENTIAL) {
            throw new InvalidFieldException("customerId", "residential customers have no contracts here");
        }
        if (customers.erasedAt(customerId).isPresent()) {
            throw new ConflictException("customer " + customerId + " was erased");
        }
        checkTerm("termYears", terms.termYears());
        var owningGroup = customer.tier() == Tier.KEY || customer.tier() == Tier.STRATEGIC
                ? Groups.KEY_ACCOUNTS : Groups.CUSTOMER_SERVICE;
        return insert(customerId, terms, owningGroup, null, by);
    }

    public Optional<Contract> find(String id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(Contracts::map).optional();
    }

    public Contract get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("id: no contract " + id));
    }

    /** The customer's contracts, newest first. */
    public List<Contract> ofCustomer(String customerId) {
        if (!customers.exists(customerId)) throw new NotFoundException("id: no customer " + customerId);
        return jdbc.sql(SELECT + " WHERE c.customer_id = ? ORDER BY c.starts_on DESC, c.id DESC").param(customerId)
                .query(Contracts::map).list();
    }

    /**
     * The term the long-term-contract offer reads: the longest term of the customer's contracts that
     * are active and not yet ended (a renewed contract's successor counts from when it is agreed; a
     * lost one no longer counts). Empty when GridCare keeps no contract of the customer, so the
     * billing system's master data still decides; 0 when it keeps only ended or lost ones.
     */
    public OptionalInt termYearsForOffers(String customerId, LocalDate today) {
        var counts = jdbc.sql("""
                SELECT COUNT(*), MAX(CASE WHEN status = 'ACTIVE' AND ends_on >= ? THEN term_years END)
                  FROM customer_contract WHERE customer_id = ?""")
                .params(today, customerId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return counts[0] == 0 ? OptionalInt.empty() : OptionalInt.of((int) counts[1]);
    }

    /**
     * Records the renewal conversation's decision. The same decision again changes nothing; a
     * different one after a decision is a conflict.
     *
     * @return the contract as it is now
     */
    @Transactional
    public Contract decideRenewal(String contractId, Decision decision, String by) {
        var contract = lock(contractId);
        if (contract.renewal() != null) {
            if (contract.renewal().outcome() == decision.outcome()) return contract;
            throw new ConflictException("contract " + contractId + " was already decided: " + contract.renewal().outcome());
        }
        if (contract.status() != ContractStatus.ACTIVE && contract.status() != ContractStatus.EXPIRED) {
            throw new ConflictException("contract " + contractId + " is " + contract.status());
        }
        String successor = null;
        switch (decision.outcome()) {
            case RENEWED, CHANGED -> {
                if (decision.newTermYears() == null) throw new InvalidFieldException("newTermYears", "is required");
                checkTerm("newTermYears", decision.newTermYears());
                var capacity = contract.contractedCapacityKva();
                var price = contract.priceBasis();
                if (decision.outcome() == RenewalOutcome.CHANGED) {
                    if (decision.newCapacityKva() == null && decision.newPriceBasis() == null) {
                        throw new InvalidFieldException("newCapacityKva", "a change needs a new capacity or price basis");
                    }
                    if (decision.newCapacityKva() != null) {
                        if (decision.newCapacityKva().signum() <= 0) {
                            throw new InvalidFieldException("newCapacityKva", "must be positive");
                        }
                        capacity = decision.newCapacityKva();
                    }
                    if (decision.newPriceBasis() != null) price = decision.newPriceBasis();
                }
                var next = new Terms(contract.kind(), contract.endsOn().plusDays(1), decision.newTermYears(),
                        contract.renewalTerms(), capacity, price);
                successor = insert(contract.customerId(), next, contract.owningGroup(), contract.id(), by).id();
                setStatus(contractId, ContractStatus.RENEWED);
            }
            case LOST -> {
                if (decision.lostReason() == null) throw new InvalidFieldException("lostReason", "is required");
                setStatus(contractId, ContractStatus.LOST);
            }
        }
        jdbc.sql("""
                INSERT INTO contract_renewal (contract_id, outcome, new_contract_id, new_term_years, lost_reason, note,
                       decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(contractId, decision.outcome().name(), successor,
                        decision.outcome() == RenewalOutcome.LOST ? null : decision.newTermYears(),
                        decision.lostReason() == null ? null : decision.lostReason().name(), decision.note(), by,
                        OffsetDateTime.now(clock))
                .update();
        return get(contractId);
    }

    /**
     * The contract has ended: undecided, it is EXPIRED. @return whether it expired undecided (the
     * supervisors follow it up)
     */
    @Transactional
    public boolean expire(String contractId) {
        var contract = lock(contractId);
        if (contract.renewal() != null || contract.status() != ContractStatus.ACTIVE) return false;
        setStatus(contractId, ContractStatus.EXPIRED);
        return true;
    }

    /** The first instant after the contract's last day, in Beijing time. */
    static OffsetDateTime endOf(Contract contract) {
        return contract.endsOn().plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
    }

    private Contract insert(String customerId, Terms terms, String owningGroup, String previous, String by) {
        var now = OffsetDateTime.now(clock);
        long n = jdbc.sql(database.nextValue("contract_number_seq")).query(Long.class).single();
        var id = "CTR-%d-%06d".formatted(now.atZoneSameInstant(EngineClock.ZONE).getYear(), n);
        var endsOn = terms.startsOn().plusYears(terms.termYears()).minusDays(1);
        jdbc.sql("""
                INSERT INTO customer_contract (id, customer_id, kind, starts_on, term_years, ends_on, renewal_terms,
                       contracted_capacity_kva, price_basis, status, owning_group, previous_contract_id, created_by,
                       created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)""")
                .params(id, customerId, terms.kind().name(), terms.startsOn(), terms.termYears(), endsOn,
                        terms.renewalTerms().name(), terms.contractedCapacityKva(), terms.priceBasis().name(),
                        owningGroup, previous, by, now, now)
                .update();
        var instance = runtime.createProcessInstanceByKey(PROCESS).businessKey(id)
                .setVariable(ContractRenewalProcess.CONTRACT_ID, id)
                .setVariable(ContractRenewalProcess.CUSTOMER_ID, customerId)
                .setVariable(ContractRenewalProcess.OWNING_GROUP, owningGroup)
                .execute();
        jdbc.sql("UPDATE customer_contract SET renewal_process_instance_id = ? WHERE id = ?")
                .params(instance.getId(), id).update();
        return get(id);
    }

    private Contract lock(String contractId) {
        jdbc.sql("SELECT id FROM customer_contract WHERE id = ? FOR UPDATE").param(contractId).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("id: no contract " + contractId));
        return get(contractId);
    }

    private void setStatus(String contractId, ContractStatus status) {
        jdbc.sql("UPDATE customer_contract SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), OffsetDateTime.now(clock), contractId).update();
    }

    private static void checkTerm(String field, int years) {
        if (years < 1 || years > MAX_TERM_YEARS) {
            throw new InvalidFieldException(field, "must be 1 to " + MAX_TERM_YEARS + " years");
        }
    }

    private static final String SELECT = """
            SELECT c.*, r.outcome, r.new_contract_id, r.new_term_years, r.lost_reason, r.note, r.decided_by, r.decided_at
              FROM customer_contract c LEFT JOIN contract_renewal r ON r.contract_id = c.id""";

    private static Contract map(ResultSet rs, int row) throws SQLException {
        var outcome = rs.getString("outcome");
        var lost = rs.getString("lost_reason");
        var renewal = outcome == null ? null : new Contract.Renewal(RenewalOutcome.valueOf(outcome),
                rs.getString("new_contract_id"), (Integer) rs.getObject("new_term_years", Integer.class),
                lost == null ? null : LostReason.valueOf(lost), rs.getString("note"), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class));
        return new Contract(rs.getString("id"), rs.getString("customer_id"), ContractKind.valueOf(rs.getString("kind")),
                rs.getObject("starts_on", LocalDate.class), rs.getInt("term_years"),
                rs.getObject("ends_on", LocalDate.class), RenewalTerms.valueOf(rs.getString("renewal_terms")),
                rs.getBigDecimal("contracted_capacity_kva"), PriceBasis.valueOf(rs.getString("price_basis")),
                ContractStatus.valueOf(rs.getString("status")), rs.getString("owning_group"),
                rs.getString("previous_contract_id"), rs.getString("renewal_process_instance_id"),
                rs.getObject("created_at", OffsetDateTime.class), renewal);
    }
}
