package com.gridcare.complaint;

import static com.gridcare.complaint.ComplaintFields.COMPENSATION_AMOUNT;
import static com.gridcare.complaint.ComplaintFields.COMPENSATION_DECISION;
import static com.gridcare.complaint.ComplaintFields.COMPENSATION_REASON;

import com.gridcare.security.ExpressionBean;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Goodwill and compensation a complaint handler proposes ({@code ${goodwill...}} in the model): up to
 * the approval limit it is granted with the resolution; above it a supervisor approves or refuses.
 * The limit is {@code gridcare.complaint.goodwill-approval-limit} in CNY (default 500).
 */
@ExpressionBean
@Component("goodwill")
public class Goodwill {

    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";

    private final BigDecimal approvalLimit;

    Goodwill(@Value("${gridcare.complaint.goodwill-approval-limit:500}") BigDecimal approvalLimit) {
        if (approvalLimit.signum() < 0) {
            throw new IllegalArgumentException("gridcare.complaint.goodwill-approval-limit must not be negative, was "
                    + approvalLimit);
        }
        this.approvalLimit = approvalLimit;
    }

    public BigDecimal approvalLimit() {
        return approvalLimit;
    }

    /** The proposed amount in CNY, zero when none was proposed. */
    public BigDecimal amount(VariableScope scope) {
        var value = scope.getVariable(COMPENSATION_AMOUNT);
        if (value instanceof Number number) return new BigDecimal(number.toString());
        if (value instanceof String text && !text.isBlank()) return new BigDecimal(text.strip());
        return BigDecimal.ZERO;
    }

    public boolean needsApproval(VariableScope scope) {
        return amount(scope).compareTo(approvalLimit) > 0;
    }

    /** Compensation goes to the customer: proposed, and within the limit or approved by a supervisor. */
    public boolean granted(VariableScope scope) {
        var amount = amount(scope);
        return amount.signum() > 0
                && (amount.compareTo(approvalLimit) <= 0 || APPROVED.equals(scope.getVariable(COMPENSATION_DECISION)));
    }

    /** For the customer's message: "200 CNY / 元: bill credit for the estimated reading". */
    public String describe(VariableScope scope) {
        var reason = scope.getVariable(COMPENSATION_REASON) instanceof String text ? text.strip() : "";
        var amount = amount(scope).stripTrailingZeros().toPlainString() + " CNY / 元";
        return reason.isEmpty() ? amount : amount + ": " + reason;
    }
}
