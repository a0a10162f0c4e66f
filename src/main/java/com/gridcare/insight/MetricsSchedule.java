package com.gridcare.insight;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The metrics read from the database refresh on a schedule ({@code gridcare.metrics.refresh}); closed months'
 * reports are rolled up on one ({@code gridcare.insight.rollup}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({MetricsProperties.class, InsightProperties.class})
class MetricsSchedule {
}
