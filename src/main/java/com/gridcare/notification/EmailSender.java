package com.gridcare.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP (Spring Mail, {@code spring.mail.*}). The outbox id becomes the Message-ID, so a
 * message sent again after a lease expired carries the same id and mail systems can drop the copy.
 */
final class EmailSender implements NotificationSender {

    static final String NAME = "email";

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String send(OutgoingNotification n) throws DeliveryException {
        if (n.email() == null || n.email().isBlank()) {
            throw new DeliveryException("customer " + n.customerId() + " has no e-mail address", true);
        }
        var messageId = "<" + n.id() + "@gridcare>";
        try {
            var message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, n.attachment() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(InternetAddress.parse(from, true)[0]);
            helper.setTo(new InternetAddress(n.email(), true));
            helper.setSubject(n.subject());
            helper.setText(n.body(), false);
            if (n.attachment() != null) {
                helper.addAttachment(n.attachment().fileName(),
                        new org.springframework.core.io.ByteArrayResource(n.attachment().content()),
                        n.attachment().contentType());
            }
            message.setHeader("Message-ID", messageId);
            if (n.caseId() != null) message.setHeader("X-GridCare-Case", n.caseId());
            mail.send(message);
            return messageId;
        } catch (AddressException e) {
            throw new DeliveryException("invalid e-mail address of customer " + n.customerId(), true, e);
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw new DeliveryException("message could not be prepared: " + e.getMessage(), true, e);
        } catch (MailAuthenticationException e) {
            throw new DeliveryException("SMTP server refused GridCare's credentials", false, e);
        } catch (MailException e) {
            throw new DeliveryException("SMTP delivery failed: " + e.getMessage(), false, e);
        }
    }
}
