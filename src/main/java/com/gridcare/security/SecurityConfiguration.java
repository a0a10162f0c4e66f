package com.gridcare.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication for GridCare's API, Camunda's REST API and the actuator; all use Camunda's identity
 * service, whose password checks go through {@link LoginThrottle}.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration implements WebMvcConfigurer {

    /** GridCare's API; its OpenAPI description and Swagger UI are for logged-in users too. */
    private static final String[] API_PATHS = {"/api/*", "/v3/api-docs/*", "/swagger-ui/*", "/swagger-ui.html"};

    private final ObjectMapper json;

    SecurityConfiguration(ObjectMapper json) {
        this.json = json;
    }

    @Bean
    BasicCredentials basicCredentials(IdentityService identityService, SecurityProperties properties) {
        return new BasicCredentials(identityService, properties.credentialCache());
    }

    /** Before every filter that checks a password: where the login comes from, for {@link LoginThrottle}. */
    @Bean
    FilterRegistrationBean<LoginOrigin.Filter> loginOriginFilter() {
        var registration = new FilterRegistrationBean<>(new LoginOrigin.Filter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/*", "/actuator/*");
        registration.addUrlPatterns(API_PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService,
            BasicCredentials credentials) {
        var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, credentials, json));
        registration.addUrlPatterns(API_PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(BasicCredentials credentials) {
        var registration = new FilterRegistrationBean<>(new ActuatorAccessFilter(credentials, json));
        registration.addUrlPatterns("/actuator", "/actuator/*");
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
            @Value("${camunda.bpm.generic-properties.properties.queryMaxResultsLimit}") int limit) {
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
