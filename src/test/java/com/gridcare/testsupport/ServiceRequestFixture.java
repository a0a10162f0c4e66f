package com.gridcare.testsupport;

import com.gridcare.clock.CaseClocks;
import com.gridcare.kernel.Groups;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every service-request test works with: the test data and users, a channel system's API client, the
 * {@link RequestDriver} and the engine's services; the engine's clock is reset after each test. Extend it
 * from a {@link GridCareTest} class.
 */
public abstract class ServiceRequestFixture {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestData testData;
    @Autowired
    protected TaskService tasks;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected CaseClocks clocks;
    @Autowired
    protected JdbcClient jdbc;

    /** A channel system's client, as the requests are registered. */
    protected Api channel;
    protected RequestDriver requests;

    @BeforeEach
    void setUpServiceRequests() {
        testData.users();
        channel = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
        requests = new RequestDriver(channel, tasks, management, clocks, jdbc);
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }
}
