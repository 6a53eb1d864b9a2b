package com.memberpoints.functions.admin;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerContentionException;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.LedgerStoreException;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.StoreBusyException;
import com.memberpoints.functions.admin.members.AdjustPointsHandler;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13 B and C1 through a route (POST adjustments): each answer is checked against docs/openapi.yaml. */
class InputsAndFaultsTest {
    static final String ROUTE = "/v1/admin/members/{memberId}/points/adjustments";

    /** A port-level double: the ledger fails the way the chosen store failure says, or delegates. */
    static final class FailingLedger implements LedgerStore {
        final LedgerStore inner = new InMemoryLedgerStore();
        volatile Supplier<RuntimeException> failure;

        @Override
        public LedgerResult apply(LedgerCommand command) {
            if (failure != null) {
                throw failure.get();
            }
            return inner.apply(command);
        }

        @Override public WalletState wallet(WalletRef ref) { return inner.wallet(ref); }
        @Override public MemberWallets wallets(MerchantId m, MemberId id) { return inner.wallets(m, id); }
        @Override public Page<JournalEntry> history(WalletRef ref, PageRequest p) { return inner.history(ref, p); }
        @Override public List<JournalEntry> entriesForOrder(MerchantId m, MemberId id, OrderId o) { return inner.entriesForOrder(m, id, o); }
        @Override public Page<ExpiringLot> expiring(MerchantId m, Instant f, Instant t, PageRequest p) { return inner.expiring(m, f, t, p); }
        @Override public Page<RedemptionHold> staleHolds(MerchantId m, Instant b, PageRequest p) { return inner.staleHolds(m, b, p); }
        @Override public HoldConfirmation confirmHold(WalletRef w, OrderId o) { return inner.confirmHold(w, o); }
    }

    final FailingLedger ledger = new FailingLedger();
    final AdminWorld world = new AdminWorld(ledger);
    final AdjustPointsHandler handler = new AdjustPointsHandler(world.services.adjustments(), world.services.merchants(),
            world.log().logger());

    APIGatewayV2HTTPResponse post(String body) {
        world.member(SHOP, "mem-42", true, true);
        return call(handler, event("POST", ROUTE, Map.of("memberId", "mem-42"), Map.of(),
                Map.of("Idempotency-Key", "k-1"), body, ApiEvents.staff("shop-1", "staff-7", Permission.MEMBER_POINTS)));
    }

    static JsonArray errors(APIGatewayV2HTTPResponse r) {
        return (JsonArray) ((JsonObject) Json.parse(r.getBody())).get("errors").orElseThrow();
    }

    long balance() {
        return ledger.inner.wallet(WalletRef.points(SHOP, MemberId.of("mem-42"))).balance();
    }

    /** B1: 150 emoji are 150 characters for the route and for the ledger (it counted 300 UTF-16 units: a 500). */
    @Test
    void aReasonOf150EmojiIsAccepted() {
        var r = post("{\"points\":10,\"reason\":\"" + "\uD83D\uDE00".repeat(150) + "\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
        assertThat(balance()).isEqualTo(10);
    }

    /** B2: the API's integers are written as digits; 10.0 and 1e2 were taken as 10 and 100 points. */
    @ParameterizedTest
    @ValueSource(strings = {"10.0", "1e2", "1E+2", "1.0e1", "100.00"})
    void pointsWithAFractionOrAnExponentAreRefusedNamingTheField(String points) {
        var r = post("{\"points\":" + points + ",\"reason\":\"x\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(errors(r).elements()).hasSize(1);
        assertThat(r.getBody()).contains("\"field\":\"points\"", "must be an integer written without a fraction or an exponent");
        assertThat(balance()).isZero();
    }

    /** B3: bidirectional overrides and isolates, and lone surrogates, are refused like control characters. */
    @ParameterizedTest
    @ValueSource(strings = {"\\u202A", "\\u202B", "\\u202C", "\\u202D", "\\u202E", "\\u2066", "\\u2067", "\\u2068",
            "\\u2069", "\\ud800", "\\udc00", "x\\ud83dy"})
    void bidiControlsAndLoneSurrogatesInAReasonAreRefused(String escaped) {
        var r = post("{\"points\":10,\"reason\":\"Promo " + escaped + " gift\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"reason\"");
        assertThat(errors(r).elements()).hasSize(1);
        assertThat(balance()).isZero();
    }

    /** B4: malformed JSON is described in the API's words, never with the parser's option names. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"points\":NaN}", "{\"points\":10,}", "{\"points\" 10}", "{'points':10}",
            "{\"points\":010}", "{\"points\":1", "{\"reason\":\"a\u0001\"}", "{\"reason\":\"\\q\"}", "[1 2]", "tru"})
    void malformedJsonIsDescribedInTheApisWords(String body) {
        var r = post(body);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        String detail = ((JsonObject) Json.parse(r.getBody())).get("detail").map(Json::write).orElseThrow();
        assertThat(detail).startsWith("\"The body is not valid JSON: ")
                .doesNotContain("Feature", "ALLOW_", "jackson", "Jackson", "com.fasterxml", "(code ", "START_", "END_");
    }

    @Test
    void malformedJsonNamesWhatAndWhere() {
        var r = post("{\"points\":10,\"reason\":x}");
        assertThat(r.getBody()).contains("\"detail\":\"The body is not valid JSON: unexpected word (a string must be in "
                + "double quotes) at line 1, column 24.\"");
        var nan = post("{\"points\":NaN}");
        assertThat(nan.getBody()).contains("NaN and Infinity are not JSON numbers at line 1, column");
    }

    /** B5: a string where an integer belongs is one error (wrong type), not also "must not be 0". */
    @Test
    void pointsAsAStringIsOneErrorNamingTheType() {
        var r = post("{\"points\":\"10\",\"reason\":\"x\"}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(errors(r).elements()).hasSize(1);
        assertThat(r.getBody()).contains("{\"field\":\"points\",\"message\":\"must be an integer, got string\"}")
                .doesNotContain("must not be 0");
    }

    /** C1: contention or throttling that outlasted the store's retries is a 503 with Retry-After, not a 500. */
    @Test
    void ledgerContentionAfterTheRetriesIsA503WithRetryAfter() {
        ledger.failure = () -> new LedgerContentionException("wallet kept changing during 25 attempts");
        var r = post("{\"points\":10,\"reason\":\"x\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(503);
        assertThat(r.getHeaders()).containsEntry("retry-after", "1").containsEntry("content-type", "application/problem+json");
        assertThat(r.getBody()).contains("\"type\":\"urn:member-points:problem:service-unavailable\"")
                .doesNotContain("wallet kept changing");
    }

    @Test
    void aStoreFailureCausedByThrottlingIsA503() {
        ledger.failure = () -> new LedgerStoreException("DynamoDB failed",
                new StoreBusyException("throttled", new RuntimeException("ProvisionedThroughputExceededException")));
        var r = post("{\"points\":10,\"reason\":\"x\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(503);
        assertThat(r.getHeaders()).containsKey("retry-after");
    }

    @Test
    void anyOtherStoreFailureStaysA500() {
        ledger.failure = () -> new LedgerStoreException("corrupt item");
        var r = post("{\"points\":10,\"reason\":\"x\"}");
        assertThat(r.getStatusCode()).isEqualTo(500);
        assertThat(r.getHeaders()).doesNotContainKey("retry-after");
    }
}
