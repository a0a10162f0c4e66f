package com.gridcare.tasklist;

import com.gridcare.kernel.EngineClock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Expression functions for Tasklist filters. The engine's own {@code dateTime()} counts days in the
 * server's time zone; staff count them in Asia/Shanghai, wherever the server runs. Public because
 * the expression language calls the function reflectively.
 */
@Component
public class WorkingDayFunctions extends AbstractProcessEnginePlugin {

    /** {@code startOfDay(n)}: midnight in Asia/Shanghai n days from today (0 today, 1 tomorrow). */
    static final String START_OF_DAY = "startOfDay";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            ((JuelExpressionManager) configuration.getExpressionManager())
                    .addFunction(START_OF_DAY, WorkingDayFunctions.class.getMethod(START_OF_DAY, int.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Date startOfDay(int daysFromToday) {
        var today = LocalDate.ofInstant(ClockUtil.now().toInstant(), EngineClock.ZONE);
        return Date.from(today.plusDays(daysFromToday).atStartOfDay(EngineClock.ZONE).toInstant());
    }
}
