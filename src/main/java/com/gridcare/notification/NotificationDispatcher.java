package com.gridcare.notification;

import com.gridcare.consent.Consents;
import com.gridcare.customer.CustomerRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued messages. Each row is claimed with a lease (so two nodes never send a row at
 * once), checked under a row lock just before sending, sent without holding any transaction, and
 * finished under a row lock. A delivery that outlives its lease may run twice; the gateway gets the
 * same idempotency key (the row id) both times and delivers once, and the row is marked sent once.
 * Failures wait for the next retry delay; after the last one, or when trying again cannot help,
 * the row is FAILED.
 */
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    /** What became of one delivery attempt. */
    enum Outcome { SENT, ALREADY_SENT, RETRY, FAILED, NOT_OURS, WITHHELD }

    private final OutboxStore store;
    private final CustomerRepository customers;
    private final NotificationSenders senders;
    private final Consents consents;
    private final NotificationMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;
    private final List<Duration> retryDelays;
    private final String nodeId;
    private final List<AttachmentSource> attachments;

    NotificationDispatcher(OutboxStore store, CustomerRepository customers, NotificationSenders senders,
            Consents consents, NotificationMetrics metrics, TransactionTemplate transactions, Clock clock, int batchSize, Duration lease,
            List<Duration> retryDelays, String nodeId) {
        this(store, customers, senders, consents, metrics, transactions, clock, batchSize, lease, retryDelays, nodeId,
                List.of());
    }

    NotificationDispatcher(OutboxStore store, CustomerRepository customers, NotificationSenders senders,
            Consents consents, NotificationMetrics metrics, TransactionTemplate transactions, Clock clock, int batchSize, Duration lease,
            List<Duration> retryDelays, String nodeId, List<AttachmentSource> attachments) {
        this.attachments = List.copyOf(attachments);
        this.store = store;
        this.customers = customers;
        this.senders = senders;
        this.consents = consents;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
        this.retryDelays = List.copyOf(retryDelays);
        this.nodeId = nodeId;
    }

    /** One round: claims up to a batch of due rows and delivers them; @return how many were sent. */
    public int dispatchDue() {
        int sent = 0;
        for (var id : store.due(now(), batchSize)) {
            if (dispatch(id) == Outcome.SENT) sent++;
        }
        return sent;
    }

    /** Claims one row and delivers it, if it is due and not leased by another node. */
    Outcome dispatch(String outboxId) {
        return claim(outboxId).map(this::deliver).orElse(Outcome.NOT_OURS);
    }

    Optional<OutboxStore.Claim> claim(String outboxId) {
        var now = now();
        return store.claim(outboxId, nodeId + "/" + UUID.randomUUID(), now, now.plus(lease));
    }

    Outcome deliver(OutboxStore.Claim claim) {
        if (!Boolean.TRUE.equals(transactions.execute(tx -> store.stillOurs(claim.id(), claim.owner())))) {
            log.info("notification {} is no longer ours to send (sent, failed or leased again)", claim.id());
            return Outcome.NOT_OURS;
        }
        if (!consents.allows(claim.customerId(), claim.channel(), claim.purpose())) {
            log.info("notification {} withheld: customer {} no longer consents to {} by {}", claim.id(),
                    claim.customerId(), claim.purpose(), claim.channel());
            store.markWithheld(claim.id(), claim.owner(), "no consent to " + claim.purpose() + " by " + claim.channel());
            return Outcome.WITHHELD;
        }
        var sender = senders.forChannel(claim.channel());
        String reference;
        try {
            reference = sender.send(message(claim));
        } catch (DeliveryException e) {
            return failed(claim, sender.name(), e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            log.warn("notification {}: sender {} failed unexpectedly", claim.id(), sender.name(), e);
            return failed(claim, sender.name(), e.toString(), false);
        }
        boolean first = Boolean.TRUE.equals(transactions.execute(tx ->
                store.markSent(claim.id(), sender.name(), reference, now())));
        if (!first) {
            log.info("notification {} was already marked sent by another delivery", claim.id());
            return Outcome.ALREADY_SENT;
        }
        metrics.sent(claim.channel(), sender.name());
        return Outcome.SENT;
    }

    private OutgoingNotification message(OutboxStore.Claim claim) throws DeliveryException {
        var customer = customers.find(claim.customerId())
                .orElseThrow(() -> new DeliveryException("customer " + claim.customerId() + " no longer exists", true));
        Attachment attachment = null;
        if (claim.attachmentRef() != null && claim.channel() == com.gridcare.customer.PreferredChannel.EMAIL) {
            attachment = attachments.stream().map(source -> source.attachment(claim.attachmentRef()))
                    .flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> new DeliveryException("attachment " + claim.attachmentRef() + " cannot be made", true));
        }
        return new OutgoingNotification(claim.id(), claim.caseId(), claim.template(), claim.channel(), customer.id(),
                customer.phone(), customer.email(), claim.subject(), claim.body(), attachment);
    }

    private Outcome failed(OutboxStore.Claim claim, String sender, String error, boolean permanent) {
        metrics.attemptFailed(claim.channel(), sender);
        if (permanent || claim.attempt() > retryDelays.size()) {
            log.warn("notification {} for case {} FAILED after {} attempt(s): {}", claim.id(), claim.caseId(),
                    claim.attempt(), error);
            store.markFailed(claim.id(), claim.owner(), error);
            return Outcome.FAILED;
        }
        var next = now().plus(retryDelays.get(claim.attempt() - 1));
        log.info("notification {} for case {}: attempt {} failed ({}), next at {}", claim.id(), claim.caseId(),
                claim.attempt(), error, next);
        store.retryLater(claim.id(), claim.owner(), error, next);
        return Outcome.RETRY;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
