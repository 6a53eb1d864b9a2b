package com.memberpoints.functions.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.memberpoints.functions.platform.http.ApiHandler;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * docs/openapi.yaml as a test oracle: every route test sends its request through {@link #call} (the worlds'
 * and fixtures' shared helpers do), which runs the handler and then checks the exchange against the document:
 *
 * <ul>
 *   <li>the operation (method + path template of the route key) is documented;</li>
 *   <li>the request: path, query and header parameters and the JSON body against their schemas; a request the
 *       document refuses must be refused by the server (a 4xx), never served;</li>
 *   <li>the response: its status is documented for the operation, its content type is the documented one, its
 *       JSON body matches the documented schema, and every header the document marks {@code required} is set.</li>
 * </ul>
 *
 * A mismatch fails the test with every violation listed (an {@link AssertionError}).
 * JSON Schema 2020-12 (OpenAPI 3.1's dialect) by com.networknt:json-schema-validator, test scope only.
 */
public final class OpenApiContract {

    private static final String BASE = "https://member-points.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, OpenApiContract> LOADED = new ConcurrentHashMap<>();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
        String text = document.toString();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemas(Map.of(BASE, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The repository's docs/openapi.yaml (tests run in a module directory, one level below the root). */
    public static OpenApiContract document() {
        return of(Path.of("..", "docs", "openapi.yaml").toAbsolutePath().normalize());
    }

    public static OpenApiContract of(Path yaml) {
        return LOADED.computeIfAbsent(yaml, p -> {
            try {
                return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(Files.readString(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Calls {@code handler} with {@code event} as API Gateway would, and checks the exchange against the document. */
    public static APIGatewayV2HTTPResponse call(ApiHandler handler, APIGatewayV2HTTPEvent event) {
        Request request = Request.of(event);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
        document().check(request, Response.of(response));
        return response;
    }

    /** What was sent (copied before the handler runs). */
    public record Request(String method, String pathTemplate, Map<String, String> pathParameters,
                          Map<String, String> query, Map<String, String> headers, Optional<String> body) {
        public static Request of(APIGatewayV2HTTPEvent e) {
            String routeKey = e.getRouteKey() != null ? e.getRouteKey() : e.getRequestContext().getRouteKey();
            int space = routeKey.indexOf(' ');
            String body = e.getBody();
            if (body != null && e.getIsBase64Encoded()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return new Request(routeKey.substring(0, space), routeKey.substring(space + 1), copy(e.getPathParameters()),
                    copy(e.getQueryStringParameters()), lower(e.getHeaders()), Optional.ofNullable(body));
        }
    }

    /** What came back. */
    public record Response(int status, Map<String, String> headers, Optional<String> body) {
        public static Response of(APIGatewayV2HTTPResponse r) {
            String body = r.getBody();
            if (body != null && r.getIsBase64Encoded()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return new Response(r.getStatusCode(), lower(r.getHeaders()), Optional.ofNullable(body));
        }
    }

    /** Throws an {@link AssertionError} naming every way the exchange departs from the document. */
    public void check(Request request, Response response) {
        List<String> violations = violations(request, response);
        if (!violations.isEmpty()) {
            throw new AssertionError("docs/openapi.yaml: " + request.method() + " " + request.pathTemplate() + " -> "
                    + response.status() + "\n  - " + String.join("\n  - ", violations)
                    + "\n  request body: " + request.body().orElse("(none)")
                    + "\n  response body: " + response.body().orElse("(none)"));
        }
    }

    /** Every way the exchange departs from the document (empty: it conforms). */
    public List<String> violations(Request request, Response response) {
        List<String> violations = new ArrayList<>();
        String method = request.method().toLowerCase(Locale.ROOT);
        String pathPointer = "/paths/" + escape(request.pathTemplate());
        JsonNode pathItem = document.at(pathPointer);
        JsonNode operation = pathItem.path(method);
        if (operation.isMissingNode()) {
            violations.add("the operation " + request.method() + " " + request.pathTemplate() + " is not documented");
            return violations;
        }
        String operationPointer = pathPointer + "/" + method;

        List<String> refused = requestViolations(request, pathItem, pathPointer, operation, operationPointer);
        if (!refused.isEmpty() && response.status() < 400) {
            violations.add("the document refuses this request (" + String.join("; ", refused)
                    + ") but the server answered " + response.status());
        }

        JsonNode responses = operation.path("responses");
        String statusKey = Integer.toString(response.status());
        String responsePointer = operationPointer + "/responses/" + statusKey;
        if (!responses.has(statusKey)) {
            String range = statusKey.charAt(0) + "XX";
            statusKey = responses.has(range) ? range : "default";
            responsePointer = operationPointer + "/responses/" + statusKey;
            if (!responses.has(statusKey)) {
                violations.add("status " + response.status() + " is not documented (documented: "
                        + fieldNames(responses) + ")");
                return violations;
            }
        }
        JsonNode documented = responses.path(statusKey);
        if (documented.has("$ref")) {
            responsePointer = documented.get("$ref").asText().substring(1);
            documented = document.at(responsePointer);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = documented.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            JsonNode header = resolve(h.getValue());
            String value = response.headers().get(h.getKey().toLowerCase(Locale.ROOT));
            if (value == null) {
                if (header.path("required").asBoolean(false)) {
                    violations.add("the required response header " + h.getKey() + " is missing");
                }
                continue;
            }
            String headerPointer = h.getValue().has("$ref") ? h.getValue().get("$ref").asText().substring(1)
                    : responsePointer + "/headers/" + escape(h.getKey());
            if (header.has("schema")) {
                for (String error : validate(headerPointer + "/schema", parameterValue(resolve(header.path("schema")), value))) {
                    violations.add("response header " + h.getKey() + ": " + error);
                }
            }
        }
        JsonNode content = documented.path("content");
        Optional<String> body = response.body().filter(b -> !b.isEmpty());
        if (content.isMissingNode() || content.isEmpty()) {
            if (body.isPresent()) {
                violations.add("status " + response.status() + " documents no body, yet one was sent");
            }
            return violations;
        }
        String contentType = mediaType(response.headers().get("content-type"));
        if (contentType == null) {
            violations.add("no content-type; documented: " + fieldNames(content));
            return violations;
        }
        if (!content.has(contentType)) {
            violations.add("content-type " + contentType + " is not documented for status " + response.status()
                    + " (documented: " + fieldNames(content) + ")");
            return violations;
        }
        if (isJson(contentType)) {
            JsonNode json;
            try {
                json = JSON.readTree(body.orElse(""));
            } catch (IOException e) {
                violations.add("the " + contentType + " body is not JSON");
                return violations;
            }
            if (json == null || json.isMissingNode()) {
                violations.add("the " + contentType + " body is empty");
                return violations;
            }
            String schemaPointer = responsePointer + "/content/" + escape(contentType) + "/schema";
            for (String error : validate(schemaPointer, json)) {
                violations.add("response body: " + error);
            }
        }
        return violations;
    }

    /** Why the document refuses the request (empty: it accepts it). */
    private List<String> requestViolations(Request request, JsonNode pathItem, String pathPointer, JsonNode operation,
                                           String operationPointer) {
        List<String> refused = new ArrayList<>();
        Map<String, String> knownQuery = new TreeMap<>();
        List<Map.Entry<JsonNode, String>> parameters = new ArrayList<>();
        collectParameters(pathItem.path("parameters"), pathPointer + "/parameters", parameters);
        collectParameters(operation.path("parameters"), operationPointer + "/parameters", parameters);
        for (Map.Entry<JsonNode, String> entry : parameters) {
            JsonNode p = entry.getKey();
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            String value = switch (in) {
                case "path" -> request.pathParameters().get(name);
                case "query" -> request.query().get(name);
                case "header" -> request.headers().get(name.toLowerCase(Locale.ROOT));
                default -> null;
            };
            if (in.equals("query")) {
                knownQuery.put(name, name);
            }
            if (value == null) {
                if (p.path("required").asBoolean(false)) {
                    refused.add("the required " + in + " parameter " + name + " is missing");
                }
                continue;
            }
            JsonNode schema = resolve(p.path("schema"));
            for (String error : validate(entry.getValue() + "/schema", parameterValue(schema, value))) {
                refused.add(in + " parameter " + name + ": " + error);
            }
        }
        for (String name : request.query().keySet()) {
            if (!knownQuery.containsKey(name)) {
                refused.add("the query parameter " + name + " is not documented");
            }
        }
        JsonNode requestBody = resolve(operation.path("requestBody"));
        Optional<String> body = request.body().filter(b -> !b.isEmpty());
        if (requestBody.isMissingNode()) {
            if (body.isPresent()) {
                refused.add("the operation documents no request body");
            }
            return refused;
        }
        if (body.isEmpty()) {
            if (requestBody.path("required").asBoolean(false)) {
                refused.add("the request body is required");
            }
            return refused;
        }
        String contentType = mediaType(request.headers().get("content-type"));
        JsonNode content = requestBody.path("content");
        if (contentType == null || !content.has(contentType)) {
            refused.add("request content-type " + contentType + " is not documented (" + fieldNames(content) + ")");
            return refused;
        }
        if (isJson(contentType)) {
            JsonNode json;
            try {
                json = JSON.readTree(body.get());
            } catch (IOException e) {
                refused.add("the request body is not JSON");
                return refused;
            }
            String pointer = (operation.path("requestBody").has("$ref")
                    ? operation.path("requestBody").get("$ref").asText().substring(1)
                    : operationPointer + "/requestBody") + "/content/" + escape(contentType) + "/schema";
            for (String error : validate(pointer, json)) {
                refused.add("request body: " + error);
            }
        }
        return refused;
    }

    private void collectParameters(JsonNode list, String pointer, List<Map.Entry<JsonNode, String>> into) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String at = pointer + "/" + i;
            if (p.has("$ref")) {
                at = p.get("$ref").asText().substring(1);
                p = document.at(at);
            }
            into.add(Map.entry(p, at));
        }
    }

    /** A parameter's text as the JSON value its schema expects (API Gateway hands every parameter over as text). */
    private static JsonNode parameterValue(JsonNode schema, String value) {
        String type = schema.path("type").asText("string");
        if (type.equals("array")) {
            // style form, explode false (the only array style the document uses): comma-separated items
            com.fasterxml.jackson.databind.node.ArrayNode items = JsonNodeFactory.instance.arrayNode();
            for (String item : value.split(",", -1)) {
                items.add(parameterValue(schema.path("items"), item));
            }
            return items;
        }
        if (type.equals("integer") || type.equals("number")) {
            try {
                return JSON.readTree(value).isNumber() ? JSON.readTree(value) : JsonNodeFactory.instance.textNode(value);
            } catch (IOException e) {
                return JsonNodeFactory.instance.textNode(value);
            }
        }
        if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    /** The schema errors of {@code instance} against the schema at {@code pointer} (a JSON pointer into the document). */
    public List<String> validate(String pointer, JsonNode instance) {
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
        List<String> errors = new ArrayList<>();
        for (Error e : schema.validate(instance)) {
            errors.add(e.toString());
        }
        return errors;
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? Map.of() : new LinkedHashMap<>(map);
    }

    private static Map<String, String> lower(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        }
        return out;
    }
}
