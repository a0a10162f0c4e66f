/**
 * Messages to customers: queued in the transaction of the step that causes them
 * ({@link com.gridcare.notification.NotificationOutbox}, once per case, template and step), rendered
 * from {@code notifications/templates.yaml} in Chinese and English, and delivered by
 * {@link com.gridcare.notification.NotificationDispatcher} on the customer's preferred channel
 * through a {@link com.gridcare.notification.NotificationSender} (log, e-mail, SMS or WeChat
 * gateway) with leases, retries and the outbox id as idempotency key.
 *
 * <p>In a process: a service task with {@code camunda:asyncBefore="true"},
 * {@code camunda:delegateExpression="${notifyCustomer}"}, the input parameter
 * {@code notificationTemplate} (see {@link com.gridcare.notification.NotificationTemplate}), the input
 * parameter {@code notificationStep} when the step can run more than once in a case (e.g.
 * {@code ${reopenCount}}), and an input parameter or process variable for each value the template
 * needs (e.g. {@code replyBy}).
 */
package com.gridcare.notification;
