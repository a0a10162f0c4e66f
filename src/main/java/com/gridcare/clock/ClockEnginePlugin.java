package com.gridcare.clock;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine GridCare's working time: timer durations ({@code timeDuration}), timer dates
 * ({@code timeDate}) and task due and follow-up dates accept "1 working day" and the like, counted in
 * the calendars of rules/calendars/; and task forms get the time left on the task's clock
 * ({@link TimeLeftFormVariable}).
 */
@Component
class ClockEnginePlugin extends AbstractProcessEnginePlugin {

    private final Calendars calendars;
    private final String defaultCalendar;
    private final ObjectProvider<TimeLeftFormVariable> timeLeft;

    ClockEnginePlugin(Calendars calendars,
            ClockProperties properties, ObjectProvider<TimeLeftFormVariable> timeLeft) {
        this.calendars = calendars;
        this.defaultCalendar = properties.defaultCalendar();
        this.timeLeft = timeLeft;
        calendars.get(defaultCalendar);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME,
                new WorkingTimeBusinessCalendar(new DurationBusinessCalendar(), calendars, defaultCalendar));
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                new WorkingTimeBusinessCalendar(new DueDateBusinessCalendar(), calendars, defaultCalendar));
        manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(manager);
        var interceptors = new ArrayList<CommandInterceptor>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new TimeLeftFormVariable.Interceptor(timeLeft));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
