package com.gridcare.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A stored filter's query may hold expressions ({@code ${currentUser()}}), evaluated whenever the
 * filter is listed: saving a filter whose expressions {@link ExpressionCheck} refuses fails, in the
 * saving command's transaction, with a message naming the filter, the criterion and the expression.
 */
class FilterExpressionGuard extends CommandInterceptor {

    private final ExpressionCheck expressions;

    FilterExpressionGuard(ExpressionCheck expressions) {
        this.expressions = expressions;
    }

    @Override
    public <T> T execute(Command<T> command) {
        var result = next.execute(command);
        if (command instanceof SaveFilterCmd && result instanceof Filter filter) {
            check(filter);
        }
        return result;
    }

    private void check(Filter filter) {
        var query = filter.getQuery();
        if (query instanceof TaskQueryImpl taskQuery) {
            for (var part : taskQuery.getQueries()) check(filter, part);
        } else if (query instanceof AbstractQuery<?, ?> other) {
            check(filter, other);
        }
    }

    private void check(Filter filter, AbstractQuery<?, ?> query) {
        for (var criterion : query.getExpressions().entrySet()) {
            var problem = expressions.problem(criterion.getValue());
            if (problem.isPresent()) {
                throw new BadUserRequestException("Filter '" + filter.getName() + "', criterion " + criterion.getKey()
                        + ": expression '" + criterion.getValue() + "' is not allowed: " + problem.get());
            }
        }
    }
}
