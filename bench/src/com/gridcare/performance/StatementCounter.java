package com.gridcare.performance;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements GridCare sends (each execute, and each statement of a JDBC batch) and the
 * round trips (executes and batches), by wrapping the application's data source. Only the benchmark
 * installs it, to find out how many statements an operation costs.
 */
final class StatementCounter implements BeanPostProcessor {

    static final LongAdder STATEMENTS = new LongAdder();
    static final LongAdder ROUND_TRIPS = new LongAdder();
    static volatile boolean installed;
    /**
     * While set, connections taken from the pool are counted. Counting goes through reflective proxies
     * that cost a quarter of a task completion's CPU, so it is on only while statements are counted.
     */
    static volatile boolean counting;
    /** While set, the SQL of each statement prepared, in order (to see what one operation sends). */
    static volatile List<String> capture;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || !"dataSource".equals(beanName)) return bean;
        installed = true;
        return wrap(dataSource, DataSource.class, (target, method, args) -> {
            var result = invoke(target, method, args);
            return counting && result instanceof Connection c ? wrap(c, Connection.class, StatementCounter::connection)
                    : result;
        });
    }

    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement",
            "prepareCall");

    private static Object connection(Object target, Method method, Object[] args) throws Throwable {
        var result = invoke(target, method, args);
        if (result instanceof Statement s && STATEMENT_FACTORIES.contains(method.getName())) {
            var captured = capture;
            if (captured != null && args != null && args.length > 0 && args[0] instanceof String sql) {
                captured.add(sql.replaceAll("\\s+", " ").trim());
            }
            var type = method.getReturnType();
            return wrap(s, type, StatementCounter::statement);
        }
        return result;
    }

    private static Object statement(Object target, Method method, Object[] args) throws Throwable {
        var name = method.getName();
        if (name.equals("addBatch")) {
            STATEMENTS.increment();
        } else if (name.startsWith("executeBatch") || name.startsWith("executeLargeBatch")) {
            ROUND_TRIPS.increment();
        } else if (name.startsWith("execute")) {
            STATEMENTS.increment();
            ROUND_TRIPS.increment();
        }
        return invoke(target, method, args);
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Object target, Class<T> type, Handler handler) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(proxy)) {
                return proxy;
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Statements and round trips so far. */
    static long[] now() {
        return new long[] {STATEMENTS.sum(), ROUND_TRIPS.sum()};
    }
}
