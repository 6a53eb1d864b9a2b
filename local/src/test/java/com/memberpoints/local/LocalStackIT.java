package com.memberpoints.local;

import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole local stack on a free port, over HTTP: health, the clock route (time travel running an
 * assignment schedule in order, idle hourly sweeps counted), the outbox route, and the order-events route.
 * The assignment and order-event targets are the test's own (the real handlers are wired in
 * LocalHandlers as they land): the assignment target credits the ledger and emails the member, as
 * the assignment handler will.
 */
class LocalStackIT {
    static final Instant START = OffsetDateTime.parse("2021-12-01T10:00:00+08:00").toInstant();
    static LocalStack stack;
    static final List<String> events = new CopyOnWriteArrayList<>();
    static final List<Instant> sweeps = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).startingAt(START).withoutTicker(), (a, w) -> {
            LocalHandlers.register(a, w);
            w.assignments(s -> {
                a.ledger().apply(com.memberpoints.domain.ledger.LedgerCommand.earn(s.merchant(), MemberId.of("alice"),
                        s.order(), 25, java.util.Optional.empty(), a.clock().now()));
                // no send here: the applied entry reaches the notification dispatcher (NotifyingLedgerStore)
            });
            w.hourlySweep(sweeps::add);
            w.orderEvents(events::add);
        });
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theDemoStoreIsSeededThroughTheStores() {
        LocalAdapters a = stack.adapters();
        assertThat(a.merchants().find(DemoStore.MERCHANT).orElseThrow().zone()).isEqualTo(DemoStore.ZONE);
        assertThat(a.settings().current(DemoStore.MERCHANT).orElseThrow().points().enabled()).isTrue();
        assertThat(a.members().find(DemoStore.MERCHANT, MemberId.of("bob")).orElseThrow().email()).contains("bob@example.com");
        assertThat(a.ledger().wallet(WalletRef.points(DemoStore.MERCHANT, MemberId.of("bob"))).balance()).isEqualTo(300);
        // Seeding again changes nothing (idempotent).
        DemoStore.seedStore(a.merchants(), a.settings(), a.members(), a.clock().now());
        DemoStore.seedPoints(a.ledger(), a.clock().now());
        assertThat(a.settings().current(DemoStore.MERCHANT).orElseThrow().version()).isEqualTo(1);
        assertThat(a.ledger().wallet(WalletRef.points(DemoStore.MERCHANT, MemberId.of("bob"))).balance()).isEqualTo(300);
    }

    @Test
    void healthAnswersOverHttp() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void timeTravelRunsDueSchedulesAndCountsIdleHourlySweepsAndTheOutboxListsWhatWasSent() throws Exception {
        JsonObject before = object(send("GET", "/local/clock", null));
        Instant now = OffsetDateTime.parse(string(before, "now")).toInstant();
        assertThat(now).isBetween(START, START.plus(Duration.ofMinutes(5)));
        assertThat(string(before, "zone")).isEqualTo("Asia/Taipei");

        // An order collected now: its points are due in 3 days (the adapter's schedule, kept locally).
        Instant due = now.plus(Duration.ofDays(3));
        assertThat(stack.adapters().scheduler().schedule(DemoStore.MERCHANT, OrderId.of("o-1001"), due, DemoStore.ZONE))
                .isEqualTo(AssignmentScheduler.ScheduleOutcome.CREATED);
        JsonObject schedules = object(send("GET", "/local/schedules", null));
        assertThat(((JsonArray) schedules.get("pending").orElseThrow()).size()).isEqualTo(1);

        // Two days: 48 hourly sweeps, all idle (the demo store's points expire at the end of 2022; nothing else is
        // due), so counted and not run; the assignment not yet.
        JsonObject twoDays = object(send("POST", "/local/clock", "{\"advance\":\"P2D\"}"));
        assertThat(kinds(twoDays)).isEmpty();
        assertThat(((JsonNumber) twoDays.get("idleSweeps").orElseThrow()).value().longValueExact()).isEqualTo(48);
        assertThat(string(twoDays, "sweepSchedule")).isEqualTo("every hour on the hour, UTC");
        assertThat(object(send("GET", "/local/outbox?to=alice%40example.com", null)).get("messages").orElseThrow())
                .isEqualTo(JsonArray.of(List.of()));

        // One more day and a bit: the assignment at its due second (the test's target adds points that never expire).
        JsonObject threeDays = object(send("POST", "/local/clock", "{\"advance\":\"PT25H\"}"));
        assertThat(kinds(threeDays)).containsExactly("assignment");
        assertThat(((JsonNumber) threeDays.get("idleSweeps").orElseThrow()).value().longValueExact()).isEqualTo(25);
        JsonObject assignment = (JsonObject) ((JsonArray) threeDays.get("ran").orElseThrow()).get(0);
        assertThat(string(assignment, "outcome")).isEqualTo("ok");
        assertThat(string(assignment, "subject")).isEqualTo("demo-shop/o-1001");
        Instant firedAt = OffsetDateTime.parse(string(assignment, "at")).toInstant();
        assertThat(firedAt).isAfterOrEqualTo(due).isBefore(due.plusSeconds(1));
        assertThat(sweeps).as("no hour had work").isEmpty();

        // The email the dispatcher sent for the job's ledger write, stamped with the job's (local) time; the points are in the ledger.
        JsonArray messages = (JsonArray) object(send("GET", "/local/outbox?to=alice%40example.com", null))
                .get("messages").orElseThrow();
        assertThat(messages.size()).isEqualTo(1);
        JsonObject email = (JsonObject) messages.get(0);
        assertThat(string(email, "channel")).isEqualTo("email");
        assertThat(string(email, "subject")).contains("25");
        assertThat(OffsetDateTime.parse(string(email, "at")).toInstant()).isBetween(firedAt, firedAt.plusSeconds(5));
        assertThat(stack.adapters().ledger().wallet(WalletRef.points(DemoStore.MERCHANT, MemberId.of("alice"))).balance())
                .isEqualTo(1_200 + 25);
        assertThat(((JsonArray) object(send("GET", "/local/schedules", null)).get("pending").orElseThrow()).size()).isZero();

        // The clock never goes back; bad bodies are 400s naming the field.
        HttpResponse<String> back = send("POST", "/local/clock", "{\"set\":\"2021-01-01T00:00:00+08:00\"}");
        assertThat(back.statusCode()).isEqualTo(400);
        assertThat(back.body()).contains("\"set\"").contains("backwards");
        assertThat(send("POST", "/local/clock", "{\"set\":\"2030-01-01T00:00:00+08:00\",\"advance\":\"P1D\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/local/clock", "{\"advance\":\"three days\"}").body()).contains("\"advance\"");
        assertThat(send("POST", "/local/clock", "{\"advance\":\"-P1D\"}").statusCode()).isEqualTo(400);

        // Emptying the outbox.
        assertThat(send("DELETE", "/local/outbox", null).statusCode()).isEqualTo(204);
        assertThat(((JsonArray) object(send("GET", "/local/outbox", null)).get("messages").orElseThrow()).size()).isZero();
    }

    @Test
    void aCompletedBulkJobIsPutOnTheLocalBusOnce() throws Exception {
        LocalAdapters a = stack.adapters();
        var store = new PublishingBulkJobStore(new com.memberpoints.infra.dynamodb.DynamoDbBulkJobStore(a.dynamoDb(),
                a.tableName()), a.events(), a.clock());
        var job = com.memberpoints.domain.bulk.BulkJob.created(DemoStore.MERCHANT, "bulk-local-1", 10, "Promo",
                com.memberpoints.domain.ledger.NotifyChoice.NONE, com.memberpoints.domain.model.Actor.staff("bob"),
                a.clock().now(), java.util.Optional.empty(), 2);
        store.create(job, List.of(List.of(MemberId.of("alice"), MemberId.of("bob"))));
        var outcomes = List.of(
                new com.memberpoints.domain.bulk.MemberOutcome(MemberId.of("alice"), com.memberpoints.domain.bulk.MemberOutcome.Result.CREDITED),
                new com.memberpoints.domain.bulk.MemberOutcome(MemberId.of("bob"), com.memberpoints.domain.bulk.MemberOutcome.Result.CREDITED));
        var tally = new com.memberpoints.domain.bulk.ChunkTally(2, 0, 0, 0, 0);

        assertThat(store.completeChunk(DemoStore.MERCHANT, "bulk-local-1", 0, outcomes, tally)).isTrue();
        assertThat(store.completeChunk(DemoStore.MERCHANT, "bulk-local-1", 0, outcomes, tally)).as("a redelivery").isFalse();

        JsonArray events = (JsonArray) object(send("GET", "/local/events?type=BulkJobCompleted", null)).get("events").orElseThrow();
        assertThat(events.size()).isEqualTo(1);
        String text = Json.write(events.get(0));
        assertThat(text).contains("\"jobId\":\"bulk-local-1\"", "\"members\":2", "\"credited\":2", "\"actor\":\"staff:bob\"");
        assertThat(send("GET", "/local/events?kind=x", null).statusCode()).as("unknown query parameter").isEqualTo(400);
    }

    @Test
    void orderEventsArePassedOnInTheEventBridgeEnvelope() throws Exception {
        HttpResponse<String> r = send("POST", "/local/order-events",
                "{\"detailType\":\"OrderPlaced\",\"detail\":{\"orderId\":\"o-7\",\"total\":\"120.00\"}}");
        assertThat(r.statusCode()).isEqualTo(202);
        String id = string(object(r), "eventId");
        String envelope = events.stream().filter(e -> e.contains(id)).findFirst().orElseThrow();
        JsonObject event = (JsonObject) Json.parse(envelope);
        assertThat(string(event, "detail-type")).isEqualTo("OrderPlaced");
        assertThat(string(event, "source")).isEqualTo(LocalOrderEventsHandler.SOURCE);
        assertThat(Instant.parse(string(event, "time"))).isAfterOrEqualTo(START);
        assertThat(Json.write(event.get("detail").orElseThrow())).isEqualTo("{\"orderId\":\"o-7\",\"total\":\"120.00\"}");
        assertThat(send("POST", "/local/order-events", "{\"detailType\":\"OrderPlaced\"}").statusCode()).isEqualTo(400);
    }

    private static List<String> kinds(JsonObject travel) {
        List<String> kinds = new ArrayList<>();
        for (JsonValue v : ((JsonArray) travel.get("ran").orElseThrow()).elements()) {
            kinds.add(string((JsonObject) v, "kind"));
        }
        return kinds;
    }

    private static String string(JsonObject o, String name) {
        return ((JsonString) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o)))).value();
    }

    private static JsonObject object(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return (JsonObject) Json.parse(r.body());
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.baseUri() + path));
        if (body != null) {
            b.header("content-type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
