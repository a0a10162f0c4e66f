package com.gridcare.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.consent.Consents;
import com.gridcare.customer.CustomerRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Templates, senders and the dispatcher, from {@code gridcare.notification.*}. */
@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    @Bean
    TemplateCatalogue notificationTemplates(NotificationProperties properties) {
        return TemplateCatalogue.load(properties.languages());
    }

    @Bean
    NotificationSenders notificationSenders(NotificationProperties properties,
            ObjectProvider<JavaMailSender> mail, ObjectMapper json) {
        var available = new ArrayList<NotificationSender>();
        available.add(new LogSender());
        mail.ifAvailable(sender -> available.add(new EmailSender(sender, properties.email().from())));
        if (properties.sms().url() != null) available.add(HttpGatewaySender.sms(properties.sms(), json));
        if (properties.wechat().url() != null) available.add(HttpGatewaySender.wechat(properties.wechat(), json));
        return new NotificationSenders(available, properties.senders());
    }

    @Bean
    NotificationMetrics notificationMetrics(MeterRegistry registry, OutboxStore store) {
        return new NotificationMetrics(registry, store);
    }

    @Bean
    NotificationDispatcher notificationDispatcher(NotificationProperties properties, OutboxStore store,
            CustomerRepository customers, NotificationSenders senders, Consents consents, NotificationMetrics metrics,
            TransactionTemplate transactions, Clock clock, ObjectProvider<AttachmentSource> attachments) {
        var dispatcher = properties.dispatcher();
        var nodeId = dispatcher.nodeId() != null && !dispatcher.nodeId().isBlank() ? dispatcher.nodeId() : nodeId();
        return new NotificationDispatcher(store, customers, senders, consents, metrics, transactions, clock,
                dispatcher.batchSize(), dispatcher.lease(), dispatcher.retryDelays(), nodeId,
                attachments.orderedStream().toList());
    }

    private static String nodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** Delivers on this node every {@code gridcare.notification.dispatcher.interval} unless disabled. */
    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "gridcare.notification.dispatcher.enabled", havingValue = "true")
    static class Schedule {

        private final NotificationDispatcher dispatcher;

        Schedule(NotificationDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Scheduled(fixedDelayString = "${gridcare.notification.dispatcher.interval}",
                initialDelayString = "${gridcare.notification.dispatcher.interval}")
        void dispatch() {
            dispatcher.dispatchDue();
        }
    }
}
