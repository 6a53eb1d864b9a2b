package com.memberpoints.local;

import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.liability.LiabilityCounters;
import com.memberpoints.infra.dynamodb.DynamoDbDeliveryStore;
import com.memberpoints.domain.notify.EmailSender;
import com.memberpoints.domain.model.IdSource;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.notify.SmsSender;
import com.memberpoints.functions.platform.log.JsonLogger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.ZoneId;

/**
 * LOCAL ONLY: the ports' local implementations that {@link LocalHandlers} hands to the handlers'
 * port-taking constructors — the DynamoDB adapters on DynamoDB Local in-process (the same adapter
 * classes as in AWS), the in-process scheduler, the outbox senders and the controllable clock.
 *
 * @param dynamoDb  client of the in-process DynamoDB Local, for further DynamoDB adapters
 * @param tableName the table created from {@code LedgerTable}
 * @param ledger    the DynamoDB ledger, decorated so that each applied journal entry is dispatched as the
 *                  table stream would ({@link NotifyingLedgerStore})
 * @param deliveries notification delivery records and SMS usage, on the same table
 * @param notifications the dispatcher (outbox senders, delivery records), for the notification handlers
 * @param liability  the liability counters on the same table, fed by {@link NotifyingLedgerStore}
 * @param events     the integration events' in-memory bus, fed by {@link NotifyingLedgerStore} and
 *                   {@link PublishingBulkJobStore}
 */
public record LocalAdapters(
        DynamoDbClient dynamoDb,
        String tableName,
        LedgerStore ledger,
        SettingsStore settings,
        MerchantStore merchants,
        MemberStore members,
        OrderStore orders,
        LocalClock clock,
        LocalAssignmentScheduler scheduler,
        EmailSender emailSender,
        SmsSender smsSender,
        IdSource ids,
        JsonLogger logger,
        ZoneId zone,
        DynamoDbDeliveryStore deliveries,
        NotificationDispatcher notifications,
        LiabilityCounters liability,
        LocalEventBus events) {}
