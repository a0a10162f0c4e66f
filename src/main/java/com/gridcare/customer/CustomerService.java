package com.gridcare.customer;

import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.rules.runtime.DecisionService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps customer master data and history from the billing system, and their evaluation current. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerEvaluator evaluator;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomerService(CustomerRepository customers, CustomerEvaluator evaluator, Clock clock,
            ApplicationEventPublisher events) {
        this.customers = customers;
        this.evaluator = evaluator;
        this.clock = clock;
        this.events = events;
    }

    public Customer get(String id) {
        return customers.find(id).orElseThrow(() -> new NotFoundException("No customer " + id));
    }

    /** @return true when the customer is new */
    @Transactional
    public boolean save(String id, CustomerMasterData data) {
        boolean created = customers.save(id, data, OffsetDateTime.now(clock));
        evaluator.evaluate(get(id), DecisionService.Subject.customer(id));
        return created;
    }

    @Transactional
    public void saveConsumption(String id, List<MonthlyConsumption> months) {
        var seen = new HashSet<String>();
        for (int i = 0; i < months.size(); i++) {
            if (!seen.add(months.get(i).month())) {
                throw new InvalidFieldException("[" + i + "].month", "month " + months.get(i).month() + " appears twice");
            }
        }
        var customer = get(id);
        customers.saveConsumption(id, months);
        evaluator.evaluate(customer, DecisionService.Subject.customer(id));
        events.publishEvent(new ConsumptionStored(id, List.copyOf(months)));
    }
}
