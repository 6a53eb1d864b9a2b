package com.memberpoints.functions.platform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never opens a connection: each request is answered with the next queued canned response
 * (status, JSON or XML body). Used only by {@link Priming} to run the SDK's write and read paths (marshalling,
 * endpoint rules, signing, response and error unmarshalling) before the SnapStart snapshot without sending anything
 * anywhere. A request with no queued answer is answered 500 (and counted), which the priming ignores.
 */
final class CannedHttpClient implements SdkHttpClient {
    private record Answer(int status, String body, String errorType) {}

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final java.util.List<String> operations = new java.util.ArrayList<>();
    private int requests;
    private int unanswered;

    /** Queues the answer of the next request. */
    CannedHttpClient answer(int status, String body) {
        answers.add(new Answer(status, body, null));
        return this;
    }

    /** Queues an error answer of the next request, naming its type in the header the REST-JSON protocols read. */
    CannedHttpClient error(int status, String errorType, String body) {
        answers.add(new Answer(status, body, errorType));
        return this;
    }

    /** How many requests were "sent" (answered from the queue or with 500). */
    int requests() {
        return requests;
    }

    /** Requests that found no queued answer (answered 500). */
    int unanswered() {
        return unanswered;
    }

    /** Each request as "METHOD path target" (target: the X-Amz-Target header or the query protocol's Action). */
    java.util.List<String> operations() {
        return java.util.List.copyOf(operations);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        operations.add(request.httpRequest().method() + " " + request.httpRequest().encodedPath() + " " + target);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                requests++;
                if (answers.isEmpty()) {
                    unanswered++;
                }
                Answer a = answers.isEmpty() ? new Answer(500, "{}", "InternalFailure") : answers.poll();
                byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
                SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(a.status())
                        .putHeader("Content-Length", Integer.toString(body.length))
                        .putHeader("x-amzn-RequestId", "priming");
                response.putHeader("Content-Type", a.body().startsWith("<") ? "text/xml" : "application/x-amz-json-1.0");
                if (a.errorType() != null) {
                    response.putHeader("x-amzn-ErrorType", a.errorType());
                }
                return HttpExecuteResponse.builder().response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
            }

            @Override
            public void abort() {
                // Nothing to abort: no connection.
            }
        };
    }

    @Override
    public String clientName() {
        return "Canned";
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
