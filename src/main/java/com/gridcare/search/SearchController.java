package com.gridcare.search;


import static com.gridcare.kernel.Groups.BILLING;
import static com.gridcare.kernel.Groups.CUSTOMER_SERVICE;
import static com.gridcare.kernel.Groups.FIELD_SERVICE;
import static com.gridcare.kernel.Groups.KEY_ACCOUNTS;
import static com.gridcare.kernel.Groups.METERING;
import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;
import static com.gridcare.kernel.Groups.SURVEY_TEAM;

import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.PlainText;
import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseSearch;
import com.gridcare.cases.CaseStatus;
import com.gridcare.customer.CustomerSearch;
import com.gridcare.kernel.AllowedGroups;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's one search box: cases by number, customers by id, name or full phone number. At most
 * {@value #LIMIT} of each; {@code more} says there were more (narrow the search). Contact data masked.
 */
@RestController
class SearchController {

    static final int LIMIT = 20;

    record CaseHit(String caseId, CaseKind kind, String customerId, String category, CaseStatus status, String stage,
            String assignedGroup, String assignee, OffsetDateTime receivedAt, OffsetDateTime closedAt) {}

    record Answer(String q, List<CaseHit> cases, boolean moreCases, List<CustomerSearch.Hit> customers,
            boolean moreCustomers) {}

    private final CaseSearch cases;
    private final CustomerSearch customers;

    SearchController(CaseSearch cases, CustomerSearch customers) {
        this.cases = cases;
        this.customers = customers;
    }

    @GetMapping("/api/v1/search")
    @AllowedGroups({CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING, METERING, SUPERVISORS, SERVICE_MANAGERS,
            SURVEY_TEAM})
    Answer search(@RequestParam(required = false) String q) {
        var text = q == null ? "" : q.strip();
        if (text.codePointCount(0, text.length()) < 2) {
            throw new InvalidFieldException("q", "must have at least 2 characters");
        }
        if (text.length() > 100) {
            throw new InvalidFieldException("q", "must have at most 100 characters");
        }
        if (!PlainText.isPlain(text)) {
            throw new InvalidFieldException("q", PlainText.MESSAGE);
        }
        var caseHits = cases.byNumber(text, LIMIT + 1).stream()
                .map(c -> new CaseHit(c.caseId(), c.kind(), c.customerId(), c.category(), c.status(), c.stage(),
                        c.assignedGroup(), c.assignee(), c.receivedAt(), c.closedAt()))
                .toList();
        var customerHits = customers.find(text, LIMIT + 1);
        return new Answer(text, first(caseHits), caseHits.size() > LIMIT, first(customerHits),
                customerHits.size() > LIMIT);
    }

    private static <T> List<T> first(List<T> hits) {
        return hits.size() > LIMIT ? hits.subList(0, LIMIT) : hits;
    }
}
