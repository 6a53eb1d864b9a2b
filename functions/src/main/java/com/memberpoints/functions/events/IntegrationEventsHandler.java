package com.memberpoints.functions.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.memberpoints.domain.integration.IntegrationEvents;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.PrimedHandler;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Objects;

/**
 * Third consumer of the table stream (NEW_IMAGE; the mapping's filters pass journal-entry INSERTs and bulk job items):
 * publishes the integration events of the batch on the EventBridge bus ({@link IntegrationEvents}, at least once).
 * The earliest record whose event is still not accepted after the retries is reported in {@code batchItemFailures}:
 * Lambda delivers it and the later records again (then the on-failure destination, the dead-letter queue).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.INTEGRATION_EVENT_BUS_NAME, AppConfig.INTEGRATION_EVENT_SOURCE,
        AppConfig.INTEGRATION_EVENTS_PERSONAL_DATA})
public final class IntegrationEventsHandler extends PrimedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final IntegrationEvents events;
    private final JsonLogger log;

    /** Lambda entry point. */
    public IntegrationEventsHandler() {
        this(Wiring.integrationEvents(), JsonLogger.stdout());
        primeBeforeSnapshot();
    }

    public IntegrationEventsHandler(IntegrationEvents events, JsonLogger log) {
        this.events = Objects.requireNonNull(events, "events");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return log.call(context, () -> {
            IntegrationStream batch = IntegrationStream.read(event, log);
            IntegrationEvents.Report report = events.publish(batch.facts());
            EventMetrics.integrationEvents(log, batch.records(), report);
            return batch.response(report);
        });
    }

    /** SnapStart: a made-up stream batch read, the request model loaded; no port, nothing logged. */
    @Override
    public void prime() {
        EventsWarmUp.streamRecord();
        EventsWarmUp.integrationEvents();
    }
}
