package com.memberpoints.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 13 B over HTTP against the whole local stack: the inputs that crashed now answer as documented. */
class LocalInputsIT {
    static final Instant START = OffsetDateTime.parse("2021-12-01T10:00:00+08:00").toInstant();
    static final String STAFF = "merchant_id=demo-shop&staff_id=bob&permissions=member_points";
    static final String ADJUST = "/v1/admin/members/alice/points/adjustments";

    static LocalStack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).startingAt(START).withoutTicker());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void inputsThatCrashedOrSlippedThroughAnswerAsDocumented() throws Exception {
        // B1: 150 emoji (300 UTF-16 units) is a valid 150-character reason: credited, not a 500.
        var emoji = send(ADJUST, "k-emoji", "{\"points\":5,\"reason\":\"" + "\uD83C\uDF81".repeat(150) + "\"}");
        assertThat(emoji.statusCode()).as(emoji.body()).isEqualTo(201);

        // B2: points written with a fraction or an exponent are refused naming the field.
        for (String points : new String[] {"10.0", "1e2"}) {
            var r = send(ADJUST, "k-" + points, "{\"points\":" + points + ",\"reason\":\"x\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"points\"");
        }

        // B3: a right-to-left override and a lone surrogate in a reason are refused.
        for (String bad : new String[] {"\\u202E", "\\ud800"}) {
            var r = send(ADJUST, "k-bidi", "{\"points\":5,\"reason\":\"a" + bad + "b\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"reason\"");
        }

        // B4: malformed JSON is described in the API's words.
        var nan = send(ADJUST, "k-nan", "{\"points\":NaN,\"reason\":\"x\"}");
        assertThat(nan.statusCode()).isEqualTo(400);
        assertThat(nan.body()).contains("The body is not valid JSON: NaN and Infinity are not JSON numbers at line 1")
                .doesNotContain("Feature", "ALLOW_");

        // B5: a string for points is one error, the real one.
        var text = send(ADJUST, "k-text", "{\"points\":\"10\",\"reason\":\"x\"}");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("must be an integer, got string").doesNotContain("must not be 0");
    }

    private static HttpResponse<String> send(String path, String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.baseUri() + path))
                .header("X-Local-Caller", STAFF).header("Idempotency-Key", key)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
