package com.memberpoints.functions.admin.migration;

import com.memberpoints.domain.migration.BalanceExport;
import com.memberpoints.domain.migration.BalanceImports;
import com.memberpoints.domain.migration.ImportJob;
import com.memberpoints.domain.migration.RowOutcome;
import com.memberpoints.domain.model.Page;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.functions.admin.reports.ReportsJson;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** JSON and CSV of the balance import and export routes, and their problems. */
final class ImportsJson {
    static final String BASE = "/v1/admin/imports/";
    private static final Pattern IMPORT_ID = Pattern.compile("import-[A-Za-z0-9._:@+\\-]{1,100}");

    private ImportsJson() {}

    /** The {@code importId} path parameter (400 naming it when it is not an import id). */
    static String importId(ApiRequest request) {
        return request.pathParameter("importId", id -> {
            if (!IMPORT_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not an import id");
            }
            return id;
        });
    }

    /** The {@code errorsOnly} query parameter: {@code true} or {@code false} (default). */
    static boolean errorsOnly(com.memberpoints.functions.platform.http.QueryParams query) {
        return switch (query.string("errorsOnly", 5).orElse("false")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new com.memberpoints.domain.model.InvalidInputException("errorsOnly", "must be true or false");
        };
    }

    static JsonObject.Builder job(ImportJob job) {
        JsonObject.Builder b = JsonObject.builder()
                .put("importId", job.jobId())
                .put("status", job.status().name())
                .put("createdAt", job.createdAt().toString())
                .put("createdBy", AdminJson.changedBy(job.createdBy()));
        if (job.file().isPresent()) {
            b.put("file", JsonObject.builder().put("digest", job.file().get().digest())
                    .put("rows", job.file().get().rows()).put("chunks", job.chunkCount()).build());
        } else {
            b.putNull("file");
        }
        b.put("dryRun", JsonObject.builder().put("chunksChecked", job.chunksChecked()).put("validRows", job.validRows())
                .put("invalidRows", job.invalidRows()).put("unknownMembers", job.unknownMembers())
                .put("errorRows", job.errorRows()).build());
        if (job.run().isPresent()) {
            ImportJob.RunStart r = job.run().get();
            b.put("run", JsonObject.builder().put("startedAt", r.at().toString())
                    .put("startedBy", AdminJson.changedBy(r.by())).put("acceptErrors", r.acceptErrors())
                    .put("chunksDone", job.chunksRun()).put("imported", job.imported())
                    .put("alreadyImported", job.alreadyImported()).put("failed", job.failed())
                    .put("skipped", job.skipped()).build());
        } else {
            b.putNull("run");
        }
        return b;
    }

    /** The job and one page of its rows' outcomes. */
    static JsonObject status(ImportJob job, Page<RowOutcome> rows) {
        List<JsonValue> items = new ArrayList<>(rows.items().size());
        for (RowOutcome o : rows.items()) {
            JsonObject.Builder line = JsonObject.builder().put("row", o.row()).put("memberId", o.member())
                    .put("outcome", o.result().name());
            if (!o.detail().isEmpty()) {
                line.put("detail", o.detail());
            }
            items.add(line.build());
        }
        JsonObject.Builder b = job(job).put("rows", new JsonArray(items));
        if (rows.nextCursor().isPresent()) {
            b.put("nextCursor", rows.nextCursor().get());
        } else {
            b.putNull("nextCursor");
        }
        return b.build();
    }

    /** 202 with the job's state and where to follow it. */
    static ApiResponse accepted(ImportJob job) {
        return ApiResponse.accepted(BASE + job.jobId(), job(job).build());
    }

    /** The answer to every import request: the job, or the problem saying why not. */
    static ImportJob jobOrThrow(BalanceImports.Outcome outcome) {
        return switch (outcome) {
            case BalanceImports.Outcome.Job j -> j.job();
            case BalanceImports.Outcome.NoSuchJob n -> throw ApiException.notFound("Import not found.");
            case BalanceImports.Outcome.StoreNotConfigured s -> throw AdminJson.storeNotConfigured();
            case BalanceImports.Outcome.FileFixed f -> throw ApiException.conflict("The dry run has fixed this import's "
                    + "file: its parts can no longer change. Create a new import for another file.");
            case BalanceImports.Outcome.Unreadable u -> throw ApiException.unprocessable(
                    "The file cannot be imported: " + u.why() + ".");
            case BalanceImports.Outcome.NotChecked n -> throw ApiException.conflict("The dry run has not finished "
                    + "(status " + n.job().status().name() + "): run it, and wait for status CHECKED.");
            case BalanceImports.Outcome.HasErrors h -> throw ApiException.unprocessable("The dry run found "
                    + h.job().errorRows() + " rows in error (see the rows with errorsOnly=true): fix the file and "
                    + "import it again, or send {\"acceptErrors\": true} to import only the valid rows.");
        };
    }

    /** The export page: the CSV, with a link to the next page while there is one. */
    static ApiResponse exportCsv(BalanceExport.ExportPage page, int limit) {
        StringBuilder csv = new StringBuilder(BalanceExport.HEADER).append("\r\n");
        for (BalanceExport.Line l : page.lines()) {
            ReportsJson.field(csv, l.member().value()).append(',');
            csv.append(l.wallet().name().toLowerCase(Locale.ROOT)).append(',').append(l.amount()).append(',')
                    .append(l.expiresOn()).append("\r\n");
        }
        ApiResponse response = ApiResponse.csv("balances.csv", csv.toString());
        if (page.nextCursor().isPresent()) {
            String next = page.nextCursor().get();
            String url = "/v1/admin/exports/balances.csv?limit=" + limit + "&cursor="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8);
            response = response.withHeader("link", "<" + url + ">; rel=\"next\"").withHeader("x-next-cursor", next);
        }
        return response;
    }
}
