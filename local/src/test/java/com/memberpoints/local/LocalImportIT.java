package com.memberpoints.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Balance import and export on the whole local stack over HTTP (issue 12 item 4): a small file uploaded in two parts,
 * dry-run, run; the run repeated and the same file imported again credit nobody twice; the export lists the lots.
 * The import chunks go through the local bulk queue to the real bulk worker, in the background, as through SQS.
 */
class LocalImportIT {
    static final Instant START = OffsetDateTime.parse("2026-12-01T10:00:00+08:00").toInstant();
    static final String STAFF = "merchant_id=demo-shop&staff_id=bob&permissions=member_points";
    static final String FILE = "memberId,wallet,amount,expiresOn,reason\n"
            + "alice,points,500,2027-12-31,Balance from OldLoyalty\n"
            + "bob,credits,10.00,never,Gift card from OldLoyalty\n";

    static LocalStack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).startingAt(START).withoutTicker());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void uploadDryRunRunReRunAndExport() throws Exception {
        String id = importFile("local-1");
        JsonObject done = waitFor(id, "COMPLETED");
        assertThat(number(obj(done, "run"), "imported")).isEqualTo(2);

        // the run again, and the same file in a second import: nobody is credited twice
        assertThat(send("POST", "/v1/admin/imports/" + id + "/run", null, null).statusCode()).isEqualTo(202);
        String again = importFile("local-2");
        JsonObject second = waitFor(again, "COMPLETED");
        assertThat(number(obj(second, "run"), "alreadyImported")).isEqualTo(2);
        assertThat(number(obj(second, "run"), "imported")).isZero();
        var alice = stack.adapters().ledger().wallet(WalletRef.points(DemoStore.MERCHANT, MemberId.of("alice")));
        assertThat(alice.lots().asList()).filteredOn(l -> l.expiresAt().isPresent()
                        && l.expiresAt().get().equals(Instant.parse("2027-12-31T15:59:59Z")))
                .as("the demo store's 1,200 opening points expire on the same day: 1,200 + 500 once, not 2,200")
                .containsExactly(new Lot(Optional.of(Instant.parse("2027-12-31T15:59:59Z")), 1700));
        assertThat(stack.adapters().ledger().wallet(WalletRef.credits(DemoStore.MERCHANT, MemberId.of("bob"))).balance())
                .isEqualTo(1000);

        HttpResponse<String> export = send("GET", "/v1/admin/exports/balances.csv", null, null);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).startsWith("memberId,wallet,amount,expiresOn\r\n")
                .contains("alice,points,1700,2027-12-31\r\n", "bob,credits,10.00,never\r\n");
    }

    private String importFile(String key) throws Exception {
        HttpResponse<String> created = send("POST", "/v1/admin/imports", null, key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = string((JsonObject) Json.parse(created.body()), "importId");
        int cut = FILE.indexOf("bob,");
        assertThat(send("PUT", "/v1/admin/imports/" + id + "/parts/1", FILE.substring(0, cut), null).statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/v1/admin/imports/" + id + "/parts/2", FILE.substring(cut), null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> dry = send("POST", "/v1/admin/imports/" + id + "/dry-run", null, null);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(202);
        JsonObject checked = waitFor(id, "CHECKED");
        assertThat(number(obj(checked, "dryRun"), "errorRows")).isZero();
        HttpResponse<String> run = send("POST", "/v1/admin/imports/" + id + "/run", null, null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        return id;
    }

    /** Polls the import until {@code status} (the worker runs in the background, as behind SQS). */
    private JsonObject waitFor(String id, String status) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            HttpResponse<String> r = send("GET", "/v1/admin/imports/" + id, null, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonObject job = (JsonObject) Json.parse(r.body());
            if (string(job, "status").equals(status)) {
                return job;
            }
            assertThat(System.nanoTime()).as("import %s reaches %s: %s", id, status, r.body()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static HttpResponse<String> send(String method, String path, String csv, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.baseUri() + path)).header("X-Local-Caller", STAFF);
        if (csv != null) {
            b.header("content-type", "text/csv");
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        b.method(method, csv == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(csv));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject obj(JsonObject o, String name) {
        return (JsonObject) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o)));
    }

    private static String string(JsonObject o, String name) {
        return ((JsonString) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o)))).value();
    }

    private static long number(JsonObject o, String name) {
        return ((JsonNumber) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o))))
                .value().longValueExact();
    }
}
