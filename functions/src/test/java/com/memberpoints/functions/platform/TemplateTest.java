package com.memberpoints.functions.platform;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.memberpoints.functions.platform.http.ApiHandler;
import com.memberpoints.functions.platform.http.PublicApiHandler;
import com.memberpoints.infra.dynamodb.LedgerTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml against the code: handlers exist, functions get the environment their handler
 * reads, the table is {@link LedgerTable}'s, the HTTP routes are {@link ApiRoutes}', and every
 * function has its log group, its error alarm and a sample event. CloudFormation's short tags
 * ({@code !Ref X}) are read as their plain values ({@code X}).
 */
class TemplateTest {
    static final Path ROOT = Path.of("..");
    private static JsonNode template;

    @BeforeAll
    static void read() throws IOException {
        template = readTemplate(ROOT.resolve("template.yaml"));
    }

    static JsonNode readTemplate(Path path) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(path));
    }

    /** Logical id → properties of every AWS::Serverless::Function. */
    static Map<String, JsonNode> functions(JsonNode template) {
        Map<String, JsonNode> out = new TreeMap<>();
        template.get("Resources").properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                out.put(e.getKey(), e.getValue().get("Properties"));
            }
        });
        return out;
    }

    static Class<?> handlerClass(JsonNode function) throws ClassNotFoundException {
        String handler = function.path("Handler").asText();
        return Class.forName(handler.substring(0, handler.indexOf("::")));
    }

    @Test
    void everyHandlerIsAnExistingConcreteLambdaHandlerClass() throws Exception {
        Map<String, JsonNode> functions = functions(template);
        assertThat(functions).containsKey("HealthFunction");
        for (var e : functions.entrySet()) {
            String handler = e.getValue().path("Handler").asText();
            assertThat(handler).as(e.getKey()).matches("[a-z][A-Za-z0-9_.]*\\.[A-Z][A-Za-z0-9_]*::handleRequest");
            Class<?> type = handlerClass(e.getValue());
            assertThat(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type))
                    .as(e.getKey() + ": " + type.getName() + " implements RequestHandler or RequestStreamHandler").isTrue();
            assertThat(Modifier.isAbstract(type.getModifiers())).as(type.getName()).isFalse();
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).as(type.getName() + "()").isTrue();
        }
    }

    @Test
    void everyFunctionIsGivenTheEnvironmentItsHandlerReads() throws Exception {
        Set<String> known = appConfigNames();
        Set<String> global = fieldNames(template.at("/Globals/Function/Environment/Variables"));
        for (var e : functions(template).entrySet()) {
            Class<?> type = handlerClass(e.getValue());
            ReadsEnvironment reads = type.getAnnotation(ReadsEnvironment.class);
            assertThat(reads).as(type.getName() + " declares the variables it reads with @ReadsEnvironment").isNotNull();
            Set<String> set = new TreeSet<>(global);
            set.addAll(fieldNames(e.getValue().at("/Environment/Variables")));
            for (String name : reads.value()) {
                assertThat(known).as(type.getSimpleName() + " reads " + name + ", an AppConfig name").contains(name);
                assertThat(set).as(e.getKey() + " sets " + name + " (read by " + type.getSimpleName() + ")").contains(name);
            }
        }
    }

    @Test
    void theGlobalTableVariableNamesTheLedgerTable() {
        assertThat(template.at("/Globals/Function/Environment/Variables/" + AppConfig.TABLE_NAME).asText())
                .isEqualTo("LedgerTable");
    }

    @Test
    void theTableIsTheOneLedgerTableDefines() {
        JsonNode table = template.at("/Resources/LedgerTable");
        assertThat(table.path("Type").asText()).isEqualTo("AWS::DynamoDB::Table");
        JsonNode p = table.get("Properties");
        assertThat(p.path("BillingMode").asText()).isEqualTo(LedgerTable.billingMode().toString());
        assertThat(keys(p.get("KeySchema"))).isEqualTo(keys(LedgerTable.keySchema()));
        Map<String, String> attributes = new TreeMap<>();
        p.get("AttributeDefinitions").forEach(a -> attributes.put(a.get("AttributeName").asText(), a.get("AttributeType").asText()));
        Map<String, String> expectedAttributes = new TreeMap<>();
        for (AttributeDefinition a : LedgerTable.attributeDefinitions()) {
            expectedAttributes.put(a.attributeName(), a.attributeTypeAsString());
        }
        assertThat(attributes).isEqualTo(expectedAttributes);

        Map<String, String> lsis = new TreeMap<>();
        p.path("LocalSecondaryIndexes").forEach(i -> lsis.put(i.get("IndexName").asText(), index(i)));
        Map<String, String> expectedLsis = new TreeMap<>();
        for (LocalSecondaryIndex i : LedgerTable.localSecondaryIndexes()) {
            expectedLsis.put(i.indexName(), keys(i.keySchema()) + " " + i.projection().projectionTypeAsString());
        }
        assertThat(lsis).isEqualTo(expectedLsis);

        Map<String, String> gsis = new TreeMap<>();
        p.path("GlobalSecondaryIndexes").forEach(i -> gsis.put(i.get("IndexName").asText(), index(i)));
        Map<String, String> expectedGsis = new TreeMap<>();
        for (GlobalSecondaryIndex i : LedgerTable.globalSecondaryIndexes()) {
            expectedGsis.put(i.indexName(), keys(i.keySchema()) + " " + i.projection().projectionTypeAsString());
        }
        assertThat(gsis).isEqualTo(expectedGsis);
    }

    @Test
    void burstsAreBoundedWhereTheScaleAnalysisSaysSo() {
        // docs/scale.md change 8, docs/decisions.md 16.8
        assertThat(template.at("/Resources/BulkAssignmentWorkerFunction/Properties/Events/Chunks/Properties"
                + "/ScalingConfig/MaximumConcurrency").asInt()).isEqualTo(10);
        assertThat(template.at("/Resources/LiabilityStreamFunction/Properties/Events/LedgerChanges/Properties"
                + "/ParallelizationFactor").asInt()).isEqualTo(4);
        // 16.7: the expiry walks - 34 x 62 lots/s x 4 WCU over 32 LB# shards = 264 WCU/s per shard (< 50 %)
        JsonNode walks = template.at("/Resources/ExpirySweepWorkerFunction/Properties/Events/Walks/Properties");
        assertThat(walks.at("/ScalingConfig/MaximumConcurrency").asInt()).isEqualTo(34);
        assertThat(walks.at("/BatchSize").asInt()).isEqualTo(1);
        assertThat(walks.at("/FunctionResponseTypes/0").asText()).isEqualTo("ReportBatchItemFailures");
        JsonNode queue = template.at("/Resources/ExpiryWalksQueue/Properties");
        assertThat(queue.at("/VisibilityTimeout").asInt()).as("6 x the worker's timeout")
                .isEqualTo(6 * template.at("/Resources/ExpirySweepWorkerFunction/Properties/Timeout").asInt());
        assertThat(queue.at("/RedrivePolicy/maxReceiveCount").asInt()).isEqualTo(5);
        // sends are paced account-wide now: 2 batches per shard keep the RATE# item at ~264 WCU/s on 4 shards
        assertThat(template.at("/Resources/NotificationDispatcherFunction/Properties/Events/LedgerChanges/Properties"
                + "/ParallelizationFactor").asInt()).isEqualTo(2);
        assertThat(template.at("/Resources/LiabilityReplayFunction/Properties/Events/GivenUpBatches/Properties"
                + "/ScalingConfig/MaximumConcurrency").asInt()).isEqualTo(2);
    }

    @Test
    void theCheckoutRoutesTakeTheFlashSalesRateAndEveryOtherRouteKeepsTheDefault() {
        // docs/scale.md shape 1: 1,000 orders/s at a flash sale; the default route setting (100/s) would throttle it
        JsonNode routes = template.at("/Resources/HttpApi/Properties/RouteSettings");
        List<String> checkout = new ArrayList<>();
        for (String function : List.of("QuoteFunction", "RedemptionFunction")) {
            JsonNode api = template.at("/Resources/" + function + "/Properties/Events").elements().next().get("Properties");
            checkout.add(api.get("Method").asText() + " " + api.get("Path").asText());
        }
        List<String> keys = new ArrayList<>();
        routes.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(checkout);
        for (String key : checkout) {
            assertThat(routes.at("/" + key.replace("/", "~1") + "/ThrottlingRateLimit").asText())
                    .isEqualTo("CheckoutRouteRateLimit");
            assertThat(routes.at("/" + key.replace("/", "~1") + "/ThrottlingBurstLimit").asText())
                    .isEqualTo("CheckoutRouteBurstLimit");
        }
        assertThat(template.at("/Parameters/CheckoutRouteRateLimit/Default").asInt()).isGreaterThanOrEqualTo(1_000);
        assertThat(template.at("/Parameters/CheckoutRouteBurstLimit/Default").asInt())
                .isGreaterThanOrEqualTo(template.at("/Parameters/CheckoutRouteRateLimit/Default").asInt())
                .isLessThanOrEqualTo(5_000);
        for (String key : checkout) {
            assertThat(routes.at("/" + key.replace("/", "~1") + "/DetailedMetricsEnabled").asBoolean()).as(key).isTrue();
        }
        assertThat(template.at("/Resources/HttpApi/Properties/DefaultRouteSettings/ThrottlingRateLimit").asInt())
                .isEqualTo(100);
    }

    @Test
    void everyTableStreamConsumerAlarmsLongBeforeTheStreamsRetentionRunsOut() {
        Map<String, JsonNode> alarms = resources("AWS::CloudWatch::Alarm");
        List<String> consumers = new ArrayList<>();
        functions(template).forEach((id, f) -> f.path("Events").elements().forEachRemaining(e -> {
            if (e.path("Type").asText().equals("DynamoDB")) {
                consumers.add(id);
            }
        }));
        assertThat(consumers).hasSize(3);
        for (String id : consumers) {
            JsonNode alarm = alarms.get(id + "IteratorAgeAlarm");
            assertThat(alarm).as(id + " iterator age alarm").isNotNull();
            JsonNode p = alarm.get("Properties");
            assertThat(p.path("MetricName").asText()).isEqualTo("IteratorAge");
            assertThat(p.path("Statistic").asText()).isEqualTo("Maximum");
            assertThat(p.path("Dimensions").toString()).contains(id);
            long firesAfterMs = p.path("Threshold").asLong() + p.path("Period").asLong() * p.path("EvaluationPeriods").asLong() * 1_000;
            assertThat(firesAfterMs).as("fires with most of the 24 h retention left").isLessThanOrEqualTo(4 * 3_600_000L);
        }
    }

    @Test
    void reservedConcurrencyComesFromParametersThatZeroTurnsOff() {
        Map<String, String> reserved = new TreeMap<>();
        functions(template).forEach((id, f) -> {
            if (!f.path("ReservedConcurrentExecutions").isMissingNode()) {
                reserved.put(id, f.get("ReservedConcurrentExecutions").toString());
            }
        });
        String checkout = "[\"HasCheckoutReservedConcurrency\",\"CheckoutReservedConcurrency\",\"AWS::NoValue\"]";
        assertThat(reserved).isEqualTo(Map.of(
                "QuoteFunction", checkout,
                "RedemptionFunction", checkout,
                "ScheduledAssignmentFunction", "[\"HasScheduledAssignmentReservedConcurrency\","
                        + "\"ScheduledAssignmentReservedConcurrency\",\"AWS::NoValue\"]"));
        for (String parameter : List.of("CheckoutReservedConcurrency", "ScheduledAssignmentReservedConcurrency")) {
            JsonNode p = template.at("/Parameters/" + parameter);
            assertThat(p.path("Type").asText()).isEqualTo("Number");
            assertThat(p.path("MinValue").asInt()).as(parameter + " can be 0").isZero();
            assertThat(template.at("/Conditions/Has" + parameter).toString()).as("Has" + parameter)
                    .isEqualTo("[[\"" + parameter + "\",0]]");
        }
        int defaults = 2 * template.at("/Parameters/CheckoutReservedConcurrency/Default").asInt()
                + template.at("/Parameters/ScheduledAssignmentReservedConcurrency/Default").asInt();
        // Lambda keeps 100 unreserved: the defaults must leave room for it (and for everything else) on a 1,000 account
        assertThat(defaults).as("reserved by default").isEqualTo(200).isLessThanOrEqualTo(1_000 - 100 - 500);
    }

    @Test
    void theLiabilityOnFailureQueueFeedsTheReplayAndDrainsIntoTheReplayDeadLetterQueueWithinTheStreamsRetention() {
        assertThat(template.at("/Resources/LiabilityStreamFunction/Properties/Events/LedgerChanges/Properties"
                + "/DestinationConfig/OnFailure/Destination").asText()).isEqualTo("LiabilityDeadLetterQueue.Arn");
        assertThat(template.at("/Resources/LiabilityReplayFunction/Properties/Events/GivenUpBatches/Properties/Queue")
                .asText()).isEqualTo("LiabilityDeadLetterQueue.Arn");
        JsonNode queue = template.at("/Resources/LiabilityDeadLetterQueue/Properties");
        assertThat(queue.at("/RedrivePolicy/deadLetterTargetArn").asText()).isEqualTo("LiabilityReplayDeadLetterQueue.Arn");
        int timeout = template.at("/Resources/LiabilityReplayFunction/Properties/Timeout").asInt();
        assertThat(queue.path("VisibilityTimeout").asInt()).as("6 x the replay's timeout").isGreaterThanOrEqualTo(6 * timeout);
        long retrying = queue.path("DelaySeconds").asLong()
                + (long) queue.at("/RedrivePolicy/maxReceiveCount").asInt() * queue.path("VisibilityTimeout").asInt();
        assertThat(retrying).as("seconds of replay attempts, leaving an operator most of the 24 h retention")
                .isLessThanOrEqualTo(4 * 3600);
        assertThat(template.at("/Resources/LiabilityReplayFunction/Properties/Environment/Variables/LIABILITY_REPLAY_DLQ_URL")
                .asText()).isEqualTo("LiabilityReplayDeadLetterQueue");
        String policies = template.at("/Resources/LiabilityReplayFunction/Properties/Policies").toString();
        assertThat(policies).contains("dynamodb:GetShardIterator", "dynamodb:GetRecords", "LedgerTable.StreamArn",
                "sqs:SendMessage", "LiabilityReplayDeadLetterQueue.Arn");
    }

    @Test
    void theTableIsProtectedAndStreamsNewImages() {
        JsonNode table = template.at("/Resources/LedgerTable");
        assertThat(table.path("DeletionPolicy").asText()).isEqualTo("Retain");
        JsonNode p = table.get("Properties");
        assertThat(p.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean()).isTrue();
        assertThat(p.path("DeletionProtectionEnabled").asBoolean()).isTrue();
        assertThat(p.at("/SSESpecification/SSEEnabled").asBoolean()).isTrue();
        assertThat(p.at("/StreamSpecification/StreamViewType").asText()).isEqualTo("NEW_IMAGE");
    }

    @Test
    void everyRouteHasItsHttpApiEventOnTheFunctionRunningItsHandlerAndViceVersa() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            expected.put(route.routeKey(), route.handler().getName());
        }
        Map<String, String> actual = new TreeMap<>();
        for (var f : functions(template).entrySet()) {
            Class<?> type = handlerClass(f.getValue());
            for (JsonNode event : httpApiEvents(f.getValue())) {
                JsonNode p = event.get("Properties");
                assertThat(p.path("ApiId").asText()).as(f.getKey() + " events use the stack's HttpApi").isEqualTo("HttpApi");
                String key = p.path("Method").asText() + " " + p.path("Path").asText();
                assertThat(actual.put(key, type.getName())).as("route " + key + " declared once").isNull();
                boolean isPublic = PublicApiHandler.class.isAssignableFrom(type);
                assertThat(p.at("/Auth/Authorizer").asText())
                        .as(key + (isPublic ? " is public: Authorizer NONE" : " uses the default JWT authorizer"))
                        .isEqualTo(isPublic ? "NONE" : "");
                assertThat(ApiHandler.class.isAssignableFrom(type)).as(key + " handler is an ApiHandler").isTrue();
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyFunctionLogsToItsOwnRetainedLogGroupHasAnErrorsAlarmAndIsBuiltByTheMakefile() {
        JsonNode resources = template.get("Resources");
        assertThat(template.at("/Globals/Function/LoggingConfig/LogFormat").asText()).isEqualTo("JSON");
        assertThat(template.at("/Globals/Function/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(template.at("/Globals/Function/Runtime").asText()).isEqualTo("java25");
        JsonNode layer = resources.get("DependenciesLayer");
        assertThat(layer.path("Type").asText()).isEqualTo("AWS::Serverless::LayerVersion");
        assertThat(layer.at("/Metadata/BuildMethod").asText()).as("DependenciesLayer is built by deploy/Makefile").isEqualTo("makefile");
        assertThat(layer.at("/Properties/CompatibleRuntimes").toString()).contains("java25");
        Set<String> alarmed = new HashSet<>();
        resources.properties().forEach(r -> {
            if (r.getValue().path("Type").asText().equals("AWS::CloudWatch::Alarm")
                    && r.getValue().at("/Properties/MetricName").asText().equals("Errors")) {
                r.getValue().at("/Properties/Dimensions").forEach(d -> alarmed.add(d.path("Value").asText()));
            }
        });
        for (var f : functions(template).entrySet()) {
            String group = f.getValue().at("/LoggingConfig/LogGroup").asText();
            assertThat(group).as(f.getKey() + " LoggingConfig.LogGroup").isEqualTo(f.getKey() + "LogGroup");
            JsonNode logGroup = resources.get(group);
            assertThat(logGroup.path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(logGroup.at("/Properties/RetentionInDays").asText()).isEqualTo("LogRetentionDays");
            assertThat(alarmed).as(f.getKey() + " has an Errors alarm").contains(f.getKey());
            assertThat(resources.get(f.getKey()).at("/Metadata/BuildMethod").asText())
                    .as(f.getKey() + " is built by deploy/Makefile").isEqualTo("makefile");
            List<String> layers = new ArrayList<>();
            JsonNode own = f.getValue().path("Layers");
            (own.isMissingNode() ? template.at("/Globals/Function/Layers") : own).forEach(l -> layers.add(l.asText()));
            assertThat(layers).as(f.getKey() + " gets the third-party jars from DependenciesLayer").contains("DependenciesLayer");
        }
    }

    @Test
    void everyFunctionHasASampleEventForSamLocalInvoke() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (var f : functions(template).entrySet()) {
            Path event = ROOT.resolve("events").resolve(f.getKey() + ".json");
            assertThat(event).as("sam local invoke " + f.getKey() + " -e " + event).isRegularFile();
            JsonNode sample = json.readTree(Files.readString(event));
            List<JsonNode> http = httpApiEvents(f.getValue());
            if (!http.isEmpty()) {
                Set<String> keys = new TreeSet<>();
                http.forEach(h -> keys.add(h.at("/Properties/Method").asText() + " " + h.at("/Properties/Path").asText()));
                assertThat(sample.path("version").asText()).isEqualTo("2.0");
                assertThat(keys).as(event + " routeKey").contains(sample.path("routeKey").asText());
                assertThat(sample.at("/requestContext/routeKey").asText()).isEqualTo(sample.path("routeKey").asText());
            }
        }
    }

    @Test
    void everySampleEventBelongsToAFunctionOfTheTemplate() throws IOException {
        Set<String> functions = functions(template).keySet();
        try (var files = Files.list(ROOT.resolve("events"))) {
            for (Path file : files.toList()) {
                if (Files.isDirectory(file)) {
                    // events/integration/: the integration events the service puts on its bus (IntegrationEventSamplesTest)
                    assertThat(file.getFileName().toString()).isEqualTo("integration");
                    continue;
                }
                String name = file.getFileName().toString();
                assertThat(name).as("events/ holds <LogicalId>[-variant].json files").matches("[A-Z][A-Za-z0-9]*(-[a-z0-9-]+)?\\.json");
                String function = name.replaceFirst("(-[a-z0-9-]+)?\\.json$", "");
                assertThat(functions).as(file + " names a function of template.yaml").contains(function);
            }
        }
    }

    // ---------------------------------------------------------------- observability (docs/observability.md)

    @Test
    void everyFunctionIsTracedKeepsItsReportLinesAndNamesItsService() {
        JsonNode globals = template.at("/Globals/Function");
        assertThat(globals.path("Tracing").asText()).as("Globals Tracing").isEqualTo("Active");
        assertThat(globals.at("/LoggingConfig/SystemLogLevel").asText())
                .as("platform.report lines are INFO: SystemLogLevel must not be WARN").isIn("INFO", "DEBUG");
        assertThat(globals.at("/Environment/Variables/MEMBER_POINTS_SERVICE").asText()).isEqualTo("AWS::StackName");
        for (var f : functions(template).entrySet()) {
            assertThat(f.getValue().path("Tracing").asText("Active")).as(f.getKey() + " Tracing").isEqualTo("Active");
            assertThat(f.getValue().at("/LoggingConfig/SystemLogLevel").asText("INFO")).as(f.getKey()).isIn("INFO", "DEBUG");
        }
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopic() {
        Map<String, JsonNode> alarms = resources("AWS::CloudWatch::Alarm");
        assertThat(alarms).isNotEmpty();
        alarms.forEach((id, alarm) -> {
            List<String> actions = new ArrayList<>();
            alarm.at("/Properties/AlarmActions").forEach(a -> actions.add(a.asText()));
            assertThat(actions).as(id + " AlarmActions").contains("AlarmTopic");
        });
    }

    @Test
    void everyFunctionHasAThrottlesAlarm() {
        Set<String> alarmed = alarmedDimensionValues("AWS/Lambda", "Throttles");
        for (String function : functions(template).keySet()) {
            assertThat(alarmed).as(function + " has a Throttles alarm").contains(function);
        }
    }

    @Test
    void everyQueueThatIsADeadLetterQueueHasADepthAlarm() {
        Set<String> alarmed = alarmedDimensionValues("AWS/SQS", "ApproximateNumberOfMessagesVisible");
        Set<String> deadLetterQueues = new TreeSet<>();
        resources("AWS::SQS::Queue").keySet().forEach(id -> {
            if (id.contains("DeadLetter")) {
                deadLetterQueues.add(id);
            }
        });
        String text = template.toString();
        resources("AWS::SQS::Queue").keySet().forEach(id -> {
            if (text.contains("\"deadLetterTargetArn\":\"" + id + ".Arn\"") || text.contains("\"Destination\":\"" + id + ".Arn\"")
                    || text.contains("\"DeadLetterConfig\":{\"Arn\":\"" + id + ".Arn\"")) {
                deadLetterQueues.add(id);
            }
        });
        assertThat(deadLetterQueues).hasSizeGreaterThanOrEqualTo(5);
        for (String queue : deadLetterQueues) {
            assertThat(alarmed).as(queue + " has a depth alarm").contains(queue + ".QueueName");
        }
    }

    @Test
    void theTableHasThrottleAndSystemErrorAlarmsOnEveryOperationTheAdaptersUse() {
        for (String metric : List.of("ThrottledRequests", "SystemErrors")) {
            JsonNode alarm = template.at("/Resources/LedgerTable" + metric + "Alarm/Properties");
            Set<String> operations = new TreeSet<>();
            alarm.path("Metrics").forEach(m -> {
                JsonNode stat = m.at("/MetricStat/Metric");
                if (stat.path("MetricName").asText().equals(metric)) {
                    stat.path("Dimensions").forEach(d -> {
                        if (d.path("Name").asText().equals("Operation")) {
                            operations.add(d.path("Value").asText());
                        }
                    });
                }
            });
            assertThat(operations).as(metric + " alarm operations")
                    .contains("GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems");
        }
    }

    @Test
    void everyRouteFallsInExactlyOneRouteGroupWithA5xxRateAndAP99LatencyAlarm() {
        Map<String, String> groups = new TreeMap<>();
        resources("AWS::Logs::MetricFilter").forEach((id, filter) -> {
            String metric = filter.at("/Properties/MetricTransformations/0/MetricName").asText();
            if (metric.endsWith("Requests")) {
                String pattern = filter.at("/Properties/FilterPattern").asText();
                var m = java.util.regex.Pattern.compile("\\$\\.routeKey = \"([^\"]+)\"").matcher(pattern);
                assertThat(m.find()).as(id + " matches on routeKey").isTrue();
                groups.put(metric.substring(0, metric.length() - "Requests".length()), m.group(1));
            }
        });
        assertThat(groups.keySet()).contains("Storefront", "Admin", "Health");
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            List<String> matching = new ArrayList<>();
            groups.forEach((group, glob) -> {
                if (route.routeKey().matches(("\\Q" + glob + "\\E").replace("*", "\\E.*\\Q"))) {
                    matching.add(group);
                }
            });
            assertThat(matching).as(route.routeKey() + " is in exactly one route group").hasSize(1);
        }
        Map<String, JsonNode> alarms = resources("AWS::CloudWatch::Alarm");
        for (String group : groups.keySet()) {
            JsonNode rate = alarms.get("Api" + group + "ServerErrorRateAlarm");
            assertThat(rate).as(group + " 5xx rate alarm").isNotNull();
            assertThat(rate.at("/Properties/Metrics").toString()).contains(group + "ServerErrors", group + "Requests");
            JsonNode p99 = alarms.get("Api" + group + "LatencyP99Alarm");
            assertThat(p99).as(group + " p99 alarm").isNotNull();
            assertThat(p99.at("/Properties/MetricName").asText()).isEqualTo(group + "Latency");
            assertThat(p99.at("/Properties/ExtendedStatistic").asText()).isEqualTo("p99");
            for (String metric : List.of("Requests", "ServerErrors", "Latency")) {
                assertThat(metricFilterMetrics()).as("a metric filter publishes " + group + metric).contains(group + metric);
            }
        }
        assertThat(template.at("/Resources/HttpApi/Properties/DefaultRouteSettings/DetailedMetricsEnabled").asBoolean()).isTrue();
        String format = template.at("/Resources/HttpApi/Properties/AccessLogSettings/Format").asText();
        assertThat(format).contains("\"service\":\"${AWS::StackName}\"", "\"routeKey\":", "\"status\":$context.status",
                "\"latencyMs\":$context.responseLatency", "\"lambdaRequestId\":\"$context.integration.requestId\"");
    }

    @Test
    void theSweepRunsEveryHourOnTheHourInUtc_soEachMerchantsLocalEndOfDayIsSweptWithinTheHour() {
        JsonNode schedule = template.at("/Resources/DailySweepFunction/Properties/Events/Hourly");
        assertThat(schedule.path("Type").asText()).isEqualTo("ScheduleV2");
        assertThat(schedule.at("/Properties/ScheduleExpression").asText()).isEqualTo("cron(0 * * * ? *)");
        assertThat(schedule.at("/Properties/ScheduleExpressionTimezone").asText()).isEqualTo("UTC");
        assertThat(template.at("/Resources/DailySweepFunction/Properties/Events").size()).as("one schedule").isEqualTo(1);
        assertThat(template.at("/Parameters").has("DailySweepTimeZone")).as("no deployment time zone any more").isFalse();
        assertThat(template.at("/Parameters").has("DailySweepCron")).isFalse();
    }

    @Test
    void theBusinessAlarmsWatchTheDocumentedEmfMetrics() throws IOException {
        Set<String> documented = documentedBusinessMetrics();
        assertThat(documented).hasSize(33).contains("SweepRunsCompleted", "NotificationsFailed", "NotificationsUnconfirmed", "BulkChunksFailed");
        Map<String, JsonNode> alarms = resources("AWS::CloudWatch::Alarm");
        Map<String, String> business = new TreeMap<>();
        alarms.forEach((id, alarm) -> {
            JsonNode p = alarm.get("Properties");
            if (p.path("Namespace").asText().equals("MemberPoints")) {
                business.put(p.path("MetricName").asText(), id);
                assertThat(p.path("Dimensions").toString()).as(id + " dimension Service = stack name")
                        .isEqualTo("[{\"Name\":\"Service\",\"Value\":\"AWS::StackName\"}]");
            }
        });
        assertThat(business).containsKeys("SweepRunsCompleted", "NotificationsFailed", "NotificationsUnconfirmed", "BulkChunksFailed");
        assertThat(alarms.get(business.get("SweepRunsCompleted")).at("/Properties/TreatMissingData").asText())
                .as("no sweep at all must alarm").isEqualTo("breaching");
        JsonNode silence = alarms.get(business.get("SweepRunsCompleted")).get("Properties");
        assertThat(silence.path("Period").asInt() * silence.path("EvaluationPeriods").asInt())
                .as("the hourly sweep alarms after two silent hours").isEqualTo(2 * 3600);
        Set<String> known = new TreeSet<>(documented);
        known.addAll(metricFilterMetrics());
        assertThat(known).as("alarms use documented metric names only").containsAll(business.keySet());
    }

    @Test
    void theDashboardShowsEveryFunctionQueueAndDocumentedMetric() throws IOException {
        JsonNode dashboard = template.at("/Resources/Dashboard");
        assertThat(dashboard.path("Type").asText()).isEqualTo("AWS::CloudWatch::Dashboard");
        String body = dashboard.at("/Properties/DashboardBody").asText();
        JsonNode widgets = new ObjectMapper().readTree(body).path("widgets");
        assertThat(widgets.size()).isGreaterThan(10);
        for (String function : functions(template).keySet()) {
            for (String metric : List.of("Errors", "Throttles", "Duration")) {
                assertThat(body).as(function + " " + metric + " on the dashboard")
                        .contains("[\"AWS/Lambda\",\"" + metric + "\",\"FunctionName\",\"${" + function + "}\"");
            }
            assertThat(body).as(function + " cold starts on the dashboard").contains("SOURCE '${" + function + "LogGroup}'");
        }
        // A queue that exists only under a condition (the optional webhook's) cannot be named by the dashboard, which
        // always exists; its depth alarm watches it instead (everyQueueThatIsADeadLetterQueueHasADepthAlarm).
        resources("AWS::SQS::Queue").forEach((queue, q) -> {
            if (q.path("Condition").isMissingNode()) {
                assertThat(body).as(queue + " on the dashboard").contains("\"${" + queue + ".QueueName}\"");
            }
        });
        for (String metric : documentedBusinessMetrics()) {
            assertThat(body).as(metric + " on the dashboard").contains("[\"MemberPoints\",\"" + metric + "\",\"Service\",\"${AWS::StackName}\"]");
        }
        for (String metric : List.of("ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits", "ThrottledRequests", "SystemErrors")) {
            assertThat(body).contains("[\"AWS/DynamoDB\",\"" + metric + "\",\"TableName\",\"${LedgerTable}\"");
        }
        assertThat(body).contains("platform.report", "initDurationMs", "restoreDurationMs");
    }

    /** The metric names of docs/observability.md's business metrics table. */
    static Set<String> documentedBusinessMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        var m = java.util.regex.Pattern.compile("(?m)^\\| `([A-Z][A-Za-z]+)` \\| (Count|Milliseconds|None) \\|")
                .matcher(Files.readString(ROOT.resolve("docs/observability.md")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> out = new TreeMap<>();
        template.get("Resources").properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static Set<String> metricFilterMetrics() {
        Set<String> names = new TreeSet<>();
        resources("AWS::Logs::MetricFilter").values().forEach(f ->
                f.at("/Properties/MetricTransformations").forEach(t -> names.add(t.path("MetricName").asText())));
        return names;
    }

    /** Dimension values of the alarms on {@code namespace}/{@code metric} (plain or inside metric math). */
    private static Set<String> alarmedDimensionValues(String namespace, String metric) {
        Set<String> values = new TreeSet<>();
        resources("AWS::CloudWatch::Alarm").values().forEach(a -> {
            JsonNode p = a.get("Properties");
            if (p.path("Namespace").asText().equals(namespace) && p.path("MetricName").asText().equals(metric)) {
                p.path("Dimensions").forEach(d -> values.add(d.path("Value").asText()));
            }
            p.path("Metrics").forEach(m -> {
                JsonNode stat = m.at("/MetricStat/Metric");
                if (stat.path("Namespace").asText().equals(namespace) && stat.path("MetricName").asText().equals(metric)) {
                    stat.path("Dimensions").forEach(d -> values.add(d.path("Value").asText()));
                }
            });
        });
        return values;
    }

    static List<JsonNode> httpApiEvents(JsonNode function) {
        List<JsonNode> out = new ArrayList<>();
        function.path("Events").forEach(ev -> {
            if (ev.path("Type").asText().equals("HttpApi")) {
                out.add(ev);
            }
        });
        return out;
    }

    private static Set<String> appConfigNames() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field f : AppConfig.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                names.add((String) f.get(null));
            }
        }
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String index(JsonNode i) {
        return keys(i.get("KeySchema")) + " " + i.at("/Projection/ProjectionType").asText();
    }

    private static String keys(JsonNode schema) {
        Map<String, String> m = new LinkedHashMap<>();
        schema.forEach(k -> m.put(k.get("AttributeName").asText(), k.get("KeyType").asText()));
        return m.toString();
    }

    private static String keys(List<KeySchemaElement> schema) {
        Map<String, String> m = new LinkedHashMap<>();
        schema.forEach(k -> m.put(k.attributeName(), k.keyTypeAsString()));
        return m.toString();
    }
}
