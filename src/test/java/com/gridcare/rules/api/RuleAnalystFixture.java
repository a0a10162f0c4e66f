package com.gridcare.rules.api;

import com.gridcare.kernel.Groups;
import com.gridcare.rules.publishing.RulePublisher;
import com.gridcare.rules.publishing.ShippedRules;
import com.gridcare.rules.runtime.RuleRuntime;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rule analyst on the rules API; after each test the shipped rules are back, in the test folder and live. */
abstract class RuleAnalystFixture {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    RuleRuntime runtime;
    @Autowired
    RulePublisher publisher;

    Api analyst;

    @BeforeEach
    void signInAnalyst() {
        testData.users();
        analyst = Api.at(port).as(Groups.RULE_ANALYSTS);
    }

    @AfterEach
    void restoreShippedRules() {
        ShippedRules.restore(publisher, runtime);
    }
}
