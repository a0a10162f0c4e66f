package com.gridcare.performance;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The plan PostgreSQL runs an engine statement with: while a call is made, the first statement the engine's
 * MyBatis prepares whose SQL is wanted is kept with its parameters, then run again under
 * {@code EXPLAIN (ANALYZE, BUFFERS)}. Kept through a MyBatis interceptor on the engine's own configuration,
 * so it sees the SQL exactly as the engine sends it, whichever statement mapping produced it.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "parameterize", args = Statement.class))
final class StatementPlan implements Interceptor {

    private record Kept(String sql, ParameterHandler parameters) {}

    private volatile Predicate<String> wanted;
    private volatile Kept kept;

    /** The plan's lines, the statement's SQL first; fails when {@code call} sent no statement {@code wanted} accepts. */
    static List<String> explain(ProcessEngineConfigurationImpl engine, DataSource dataSource, Predicate<String> wanted,
            Runnable call) {
        var mybatis = engine.getSqlSessionFactory().getConfiguration();
        var plan = mybatis.getInterceptors().stream().filter(StatementPlan.class::isInstance).map(StatementPlan.class::cast)
                .findFirst().orElseGet(() -> {
                    var added = new StatementPlan();
                    mybatis.addInterceptor(added);
                    return added;
                });
        plan.kept = null;
        plan.wanted = wanted;
        try {
            call.run();
        } finally {
            plan.wanted = null;
        }
        var kept = plan.kept;
        if (kept == null) throw new IllegalStateException("the call sent no statement to explain");
        var lines = new ArrayList<String>(List.of(kept.sql().replaceAll("\\s+", " ").trim(), ""));
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + kept.sql())) {
            kept.parameters().setParameters(statement);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) lines.add(rows.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not explain " + kept.sql(), e);
        }
        return lines;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        var want = wanted;
        if (want != null && invocation.getTarget() instanceof StatementHandler handler) {
            var sql = handler.getBoundSql().getSql();
            if (want.test(sql)) {
                wanted = null;
                kept = new Kept(sql, handler.getParameterHandler());
            }
        }
        return invocation.proceed();
    }

    @Override
    public Object plugin(Object target) {
        return target instanceof StatementHandler ? Interceptor.super.plugin(target) : target;
    }

    @Override
    public void setProperties(Properties properties) {
        // none
    }
}
