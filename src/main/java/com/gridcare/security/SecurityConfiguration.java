package com.gridcare.security;

import com.gridcare.kernel.AllowedGroups;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.api.DatabaseUnavailable;
import com.gridcare.security.IdentityAuthentication.IdentitySourceUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who is calling. GridCare's API (and its OpenAPI description and Swagger UI) and Camunda's REST API are
 * authenticated by Spring Security: HTTP Basic checked by Camunda's identity service
 * ({@link IdentityAuthentication}, through {@link LoginThrottle}), whichever source it reads (GridCare's
 * tables, or the directory with profile {@code ldap}); the API also accepts the Tasklist login of the same
 * browser ({@link WebappSessionAuthentication}). What a caller may do is decided after: per operation by
 * {@link AllowedGroups} ({@link GroupAccessInterceptor}), in the engine by {@link GroupPermissions}.
 * The webapps keep Camunda's own login (same identity service); the actuator its {@link ActuatorAccessFilter}.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration implements WebMvcConfigurer {

    /** Runs after Spring Security's filter chain (Boot's {@code spring.security.filter.order}, -100). */
    private static final int AFTER_SPRING_SECURITY = -90;

    private final ObjectMapper json;

    SecurityConfiguration(ObjectMapper json) {
        this.json = json;
    }

    private static RequestMatcher paths(String... patterns) {
        var matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) matchers[i] = PathPatternRequestMatcher.withDefaults().matcher(patterns[i]);
        return new OrRequestMatcher(matchers);
    }

    @Bean
    BasicCredentials basicCredentials(IdentityService identityService, SecurityProperties properties) {
        return new BasicCredentials(identityService, properties.credentialCache());
    }

    /** The one way a password is checked over HTTP Basic; no parent, so a wrong password is checked once. */
    @Bean
    AuthenticationManager identityAuthenticationManager(BasicCredentials credentials) {
        return new ProviderManager(new IdentityAuthentication(credentials));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager identity, IdentityService identityService)
            throws Exception {
        AuthenticationEntryPoint refused = (request, response, failure) -> {
            if (unavailable(failure)) {
                ApiProblems.databaseUnavailable(response, json,
                        "GridCare cannot reach its database; nothing was changed. Retry with the same Idempotency-Key.");
            } else {
                ApiProblems.refuse(response, json);
            }
        };
        stateless(http.securityMatcher(paths("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                "/swagger-ui.html")), identity, refused)
                .addFilterBefore(new WebappSessionAuthentication(json), BasicAuthenticationFilter.class)
                .addFilterAfter(new ApiCaller(identityService), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRestSecurity(HttpSecurity http, AuthenticationManager identity) throws Exception {
        // Camunda's REST API answers its own way: an empty 401 with the challenge, its JSON error otherwise
        AuthenticationEntryPoint refused = (request, response, failure) -> {
            if (unavailable(failure)) {
                response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                engineRestError(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "The identity source is out of reach; retry later");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"default\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
        stateless(http.securityMatcher(paths("/engine-rest/**")), identity, refused);
        return http.build();
    }

    private static HttpSecurity stateless(HttpSecurity http, AuthenticationManager identity,
            AuthenticationEntryPoint refused) throws Exception {
        return http.authenticationManager(identity)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(refused))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refused))
                // every call brings its credentials (or the webapp session, checked against its own CSRF token)
                .csrf(AbstractHttpConfigurer::disable)
                // no sessions of Spring Security's own, and no session-fixation handling: the Tasklist session the API
                // accepts is Camunda's, and changing its id would log the browser out of the webapps' next call
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }

    private static boolean unavailable(AuthenticationException failure) {
        return failure instanceof IdentitySourceUnavailable;
    }

    private void engineRestError(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), java.util.Map.of("type", "AuthenticationException", "message", message));
    }

    /**
     * Spring Security's firewall sees every request: paths that are not normalised, or that hide
     * separators ({@code ..}, {@code //}, encoded slashes, semicolons), are answered 400. Header and
     * parameter values are left to GridCare's own checks, which answer 4xx naming the field.
     */
    @Bean
    HttpFirewall httpFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(value -> true);
        firewall.setAllowedParameterValues(value -> true);
        firewall.setAllowedParameterNames(name -> true);
        firewall.setAllowedHeaderNames(name -> true);
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler();
    }

    /** Before every filter that checks a password: where the login comes from, for {@link LoginThrottle}. */
    @Bean
    FilterRegistrationBean<LoginOrigin.Filter> loginOriginFilter() {
        var registration = new FilterRegistrationBean<>(new LoginOrigin.Filter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/*", "/actuator/*", "/api/*", "/v3/api-docs/*",
                "/swagger-ui/*", "/swagger-ui.html");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(BasicCredentials credentials) {
        var registration = new FilterRegistrationBean<>(new ActuatorAccessFilter(credentials, json));
        registration.addUrlPatterns("/actuator", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Camunda's REST API runs as the user Spring Security authenticated, with that user's groups and tenants. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryLimitFilter> queryLimitFilter(EngineQueryProperties engine) {
        var registration = new FilterRegistrationBean<>(new QueryLimitFilter(engine.queryMaxResultsLimit()));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new GroupAccessInterceptor(json)).addPathPatterns("/api/**");
    }
}
