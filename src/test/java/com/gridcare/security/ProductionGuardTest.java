package com.gridcare.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.GridCareApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProductionGuardTest {

    @Test
    void prodRefusesToStartWithoutTheAdministratorPassword() {
        var application = new SpringApplicationBuilder(GridCareApplication.class).profiles("prod");

        assertThatThrownBy(() -> application.run()).hasMessageContaining("GRIDCARE_ADMIN_PASSWORD");
    }

    @Test
    void prodRefusesAShortAdministratorPassword() {
        var application = new SpringApplicationBuilder(GridCareApplication.class).profiles("prod");

        assertThatThrownBy(() -> application.run("--camunda.bpm.admin-user.password=short")).hasMessageContaining("at least 12");
    }

    @Test
    void prodRefusesDemoData() {
        var application = new SpringApplicationBuilder(GridCareApplication.class).profiles("prod");

        assertThatThrownBy(() -> application.run("--camunda.bpm.admin-user.password=a-long-enough-password",
                "--gridcare.demo.enabled=true")).hasMessageContaining("Demo data");
    }
}
