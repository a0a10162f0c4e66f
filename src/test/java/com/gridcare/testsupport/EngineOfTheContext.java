package com.gridcare.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Two application contexts live side by side in a test JVM ({@link GridCareTest}'s and
 * {@link DirectoryTest}'s), each with an engine named "default". Camunda's REST API and webapps find
 * their engine in a static registry, where the context started last wins; before each test the engine
 * of that test's own context is put back there, so {@code /engine-rest} and Tasklist answer with it.
 */
public class EngineOfTheContext implements TestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        register(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        register(testContext);
    }

    private static void register(TestContext testContext) {
        if (!testContext.hasApplicationContext()) return;
        testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
                .ifAvailable(ProcessEngines::registerProcessEngine);
    }
}
