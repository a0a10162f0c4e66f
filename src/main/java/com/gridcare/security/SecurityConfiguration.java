package com.gridcare.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Authentication for GridCare's API and for Camunda's REST API; both use Camunda's identity service. */
@Configuration
class SecurityConfiguration implements WebMvcConfigurer {

    private final ObjectMapper json;

    SecurityConfiguration(ObjectMapper json) {
        this.json = json;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, json));
        // the API's OpenAPI description and Swagger UI are for logged-in users too
        registration.addUrlPatterns("/api/*", "/v3/api-docs/*", "/swagger-ui/*", "/swagger-ui.html");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryLimitFilter> queryLimitFilter(
            @Value("${camunda.bpm.generic-properties.properties.queryMaxResultsLimit:1000}") int limit) {
        var registration = new FilterRegistrationBean<>(new QueryLimitFilter(limit));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new GroupAccessInterceptor(json)).addPathPatterns("/api/**");
    }
}
