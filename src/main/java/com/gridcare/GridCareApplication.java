package com.gridcare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GridCareApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridCareApplication.class, args);
    }
}
