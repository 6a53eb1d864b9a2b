package com.memberpoints.functions.admin;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.functions.admin.migration.BalanceExportHandler;
import com.memberpoints.functions.admin.migration.CreateImportHandler;
import com.memberpoints.functions.admin.migration.ImportDryRunHandler;
import com.memberpoints.functions.admin.migration.ImportStatusHandler;
import com.memberpoints.functions.admin.migration.PutImportPartHandler;
import com.memberpoints.functions.admin.migration.RunImportHandler;
import com.memberpoints.functions.events.BulkAssignmentWorkerHandler;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.ApiHandler;
import com.memberpoints.functions.platform.http.Permission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The balance import and export routes over in-memory ports, the import chunks run by the real bulk worker. */
class ImportRoutesTest {
    static final String FILE = "memberId,wallet,amount,expiresOn,reason\r\n"
            + "alice,points,1200,2026-12-31,Balance from OldLoyalty\r\n"
            + "alice,credits,25.50,never,\"Gift card, moved\"\r\n"
            + "+bob,points,300,never,Balance from OldLoyalty\r\n";

    final AdminWorld world = new AdminWorld();
    final com.memberpoints.domain.migration.BalanceImports imports = world.imports();
    final CreateImportHandler create = new CreateImportHandler(imports, world.log().logger());
    final PutImportPartHandler part = new PutImportPartHandler(imports, world.log().logger());
    final ImportDryRunHandler dryRun = new ImportDryRunHandler(imports, world.log().logger());
    final RunImportHandler run = new RunImportHandler(imports, world.log().logger());
    final ImportStatusHandler status = new ImportStatusHandler(imports, world.log().logger());
    final BalanceExportHandler export = new BalanceExportHandler(world.export(), world.log().logger());
    final BulkAssignmentWorkerHandler worker = new BulkAssignmentWorkerHandler(world.services.bulk(), imports,
            world.log().logger());

    ImportRoutesTest() {
        world.member(SHOP, "alice", true, true);
        world.member(SHOP, "+bob", true, false);
    }

    static APIGatewayV2HTTPResponse as(ApiHandler h, String method, String path, Map<String, String> params,
                                       Map<String, String> query, Map<String, String> headers, String body) {
        return call(h, event(method, path, params, query, headers, body,
                ApiEvents.staff("shop-1", "staff-7", Permission.MEMBER_POINTS)));
    }

    String newImport(String key) {
        var r = as(create, "POST", "/v1/admin/imports", Map.of(), Map.of(), Map.of("Idempotency-Key", key), null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
        assertThat(r.getHeaders().get("location")).isEqualTo("/v1/admin/imports/import-" + key);
        return "import-" + key;
    }

    APIGatewayV2HTTPResponse putPart(String id, String n, String text, String contentType) {
        return as(part, "PUT", "/v1/admin/imports/{importId}/parts/{part}", Map.of("importId", id, "part", n), Map.of(),
                Map.of("content-type", contentType), text);
    }

    APIGatewayV2HTTPResponse post(ApiHandler h, String path, String id, String body) {
        return as(h, "POST", path, Map.of("importId", id), Map.of(), Map.of(), body);
    }

    APIGatewayV2HTTPResponse status(String id, Map<String, String> query) {
        return as(status, "GET", "/v1/admin/imports/{importId}", Map.of("importId", id), query, Map.of(), null);
    }

    /** Delivers every queued chunk message to the worker like SQS would. */
    void drain() {
        Optional<BulkJobQueue.ChunkMessage> next;
        int n = 0;
        while ((next = world.queue.poll()).isPresent()) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m-" + n++);
            m.setBody(com.memberpoints.infra.sqs.BulkChunkCodec.encode(next.get()));
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(m));
            assertThat(worker.handleRequest(event, null).getBatchItemFailures()).isEmpty();
        }
    }

    String uploadAndCheck(String key, String file) {
        String id = newImport(key);
        int cut = file.length() / 2; // mid-row: parts are joined as they are
        assertThat(putPart(id, "2", file.substring(cut), "text/csv").getStatusCode()).isEqualTo(200);
        assertThat(putPart(id, "1", file.substring(0, cut), "text/csv; charset=utf-8").getStatusCode()).isEqualTo(200);
        var d = post(dryRun, "/v1/admin/imports/{importId}/dry-run", id, null);
        assertThat(d.getStatusCode()).as(d.getBody()).isEqualTo(202);
        assertThat(d.getBody()).contains("\"status\":\"CHECKING\"");
        drain();
        return id;
    }

    long points(String member) {
        return world.ledger.wallet(WalletRef.points(SHOP, MemberId.of(member))).balance();
    }

    @Test
    void uploadDryRunRunAndReRunCreditEachRowOnce() {
        String id = uploadAndCheck("move-in", FILE);
        assertThat(status(id, Map.of()).getBody()).contains("\"status\":\"CHECKED\"", "\"validRows\":3",
                "\"errorRows\":0", "{\"row\":2,\"memberId\":\"alice\",\"outcome\":\"VALID\"}");
        assertThat(points("alice")).isZero();

        var r = post(run, "/v1/admin/imports/{importId}/run", id, null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(202);
        drain();
        assertThat(status(id, Map.of()).getBody()).contains("\"status\":\"COMPLETED\"", "\"imported\":3",
                "{\"row\":4,\"memberId\":\"+bob\",\"outcome\":\"IMPORTED\"}");
        assertThat(points("alice")).isEqualTo(1200);
        assertThat(world.ledger.history(WalletRef.points(SHOP, MemberId.of("alice")), PageRequest.first(5)).items()
                .getFirst().kind()).isEqualTo(EntryKind.IMPORT_CREDIT);

        // the same run again, and the same file in a new import: nobody is credited twice
        assertThat(post(run, "/v1/admin/imports/{importId}/run", id, "{}").getStatusCode()).isEqualTo(202);
        drain();
        String again = uploadAndCheck("move-in-again", FILE);
        post(run, "/v1/admin/imports/{importId}/run", again, "{\"acceptErrors\":false}");
        drain();
        assertThat(status(again, Map.of()).getBody()).contains("\"alreadyImported\":3", "\"imported\":0");
        assertThat(points("alice")).isEqualTo(1200);
        assertThat(points("+bob")).isEqualTo(300);
    }

    @Test
    void rowErrorsNameTheRowAndStopTheRunUnlessAccepted() {
        String id = uploadAndCheck("errs", FILE + "carol,points,5,never,x\r\nalice,points,-3,never,x\r\n");
        var s = status(id, Map.of("errorsOnly", "true"));
        assertThat(s.getBody()).contains("\"errorRows\":2",
                "{\"row\":5,\"memberId\":\"carol\",\"outcome\":\"UNKNOWN_MEMBER\",\"detail\":\"memberId: no member with this id in the store\"}",
                "{\"row\":6,\"memberId\":\"alice\",\"outcome\":\"INVALID\",\"detail\":\"amount: must be a whole number of points from 1 to 100000000\"}")
                .doesNotContain("\"row\":2");
        var refused = post(run, "/v1/admin/imports/{importId}/run", id, null);
        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(refused.getBody()).contains("found 2 rows in error", "acceptErrors");
        assertThat(post(run, "/v1/admin/imports/{importId}/run", id, "{\"acceptErrors\":true}").getStatusCode())
                .isEqualTo(202);
        drain();
        assertThat(status(id, Map.of()).getBody()).contains("\"imported\":3", "\"skipped\":2");
    }

    @Test
    void badRequestsAreClearProblems() {
        String id = newImport("bad");
        assertThat(putPart(id, "0", "x", "text/csv").getBody()).contains("part", "must be a part number from 1 to 200");
        assertThat(putPart(id, "one", "x", "text/csv").getStatusCode()).isEqualTo(400);
        var json = putPart(id, "1", "x", "application/json");
        assertThat(json.getStatusCode()).isEqualTo(415);
        assertThat(json.getBody()).contains("Send the body as text/csv");
        assertThat(putPart("import-none", "1", "x", "text/csv").getStatusCode()).isEqualTo(404);
        assertThat(status("bulk-x", Map.of()).getStatusCode()).isEqualTo(400);
        assertThat(status(id, Map.of("errorsOnly", "yes")).getBody()).contains("errorsOnly", "must be true or false");
        var early = post(run, "/v1/admin/imports/{importId}/run", id, null);
        assertThat(early.getStatusCode()).isEqualTo(409);
        assertThat(early.getBody()).contains("The dry run has not finished (status UPLOADING)");
        var empty = post(dryRun, "/v1/admin/imports/{importId}/dry-run", id, null);
        assertThat(empty.getStatusCode()).isEqualTo(422);
        assertThat(empty.getBody()).contains("no part of the file was uploaded");
        putPart(id, "1", "member,points\n", "text/csv");
        assertThat(post(dryRun, "/v1/admin/imports/{importId}/dry-run", id, null).getBody())
                .contains("the first row must be the header memberId,wallet,amount,expiresOn,reason");
        var big = putPart(id, "1", "x".repeat(256 * 1024 + 1), "text/csv");
        assertThat(big.getStatusCode()).isEqualTo(413);
        String fixed = uploadAndCheck("fixed", FILE);
        assertThat(putPart(fixed, "3", "x", "text/csv").getStatusCode()).isEqualTo(409);
        var retry = as(create, "POST", "/v1/admin/imports", Map.of(), Map.of(), Map.of("Idempotency-Key", "bad"), null);
        assertThat(retry.getStatusCode()).isEqualTo(200);
    }

    @Test
    void theExportPagesEveryLotAsFormulaSafeCsv() {
        String id = uploadAndCheck("exp", FILE);
        post(run, "/v1/admin/imports/{importId}/run", id, null);
        drain();
        Map<String, String> query = new HashMap<>(Map.of("limit", "2"));
        var first = as(export, "GET", "/v1/admin/exports/balances.csv", Map.of(), query, Map.of(), null);
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getHeaders().get("content-type")).startsWith("text/csv");
        assertThat(first.getBody()).isEqualTo("memberId,wallet,amount,expiresOn\r\n"
                + "'+bob,points,300,never\r\n" + "alice,points,1200,2026-12-31\r\n");
        String next = first.getHeaders().get("x-next-cursor");
        assertThat(first.getHeaders().get("link")).contains("rel=\"next\"");
        query.put("cursor", next);
        var second = as(export, "GET", "/v1/admin/exports/balances.csv", Map.of(), query, Map.of(), null);
        assertThat(second.getBody()).isEqualTo("memberId,wallet,amount,expiresOn\r\nalice,credits,25.50,never\r\n");
        assertThat(second.getHeaders()).doesNotContainKey("x-next-cursor");
        assertThat(as(export, "GET", "/v1/admin/exports/balances.csv", Map.of(), Map.of("limit", "0"), Map.of(), null)
                .getStatusCode()).isEqualTo(400);
        assertThat(as(export, "GET", "/v1/admin/exports/balances.csv", Map.of(), Map.of("cursor", "zz"), Map.of(), null)
                .getBody()).contains("cursor");
    }
}
