package com.memberpoints.functions.platform;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK half of invoke priming (issue 15), with no I/O at all: for each AWS service a function uses, a throwaway
 * client of that service — same region, same SDK configuration path as the container's clients, but a
 * {@link CannedHttpClient} — runs the operations our adapters send (DynamoDB: GetItem, Query, PutItem, UpdateItem,
 * DeleteItem, TransactWriteItems, BatchGetItem, BatchWriteItem, and the conditional-failure and cancelled-transaction
 * errors the stores rely on; SQS SendMessageBatch; SES v2 SendEmail; SNS Publish; Scheduler CreateSchedule, the
 * "already scheduled" conflict and DeleteSchedule; EventBridge PutEvents). Marshalling, endpoint rules, signing and
 * response/error unmarshalling of every call are then loaded and run once inside the snapshot; nothing leaves the
 * process, so no IAM permission is needed and nothing can be written or sent. The container's own clients and the
 * real HTTP client are primed by {@link Priming}'s one real {@code GetItem}.
 */
final class SdkPriming {
    private SdkPriming() {}

    /** An AWS service a function talks to, named by the environment variable that configures it. */
    enum Service {
        DYNAMODB(AppConfig.TABLE_NAME), SQS(AppConfig.BULK_JOBS_QUEUE_URL), SES(AppConfig.SES_FROM_ADDRESS),
        SNS(AppConfig.SMS_SENDER_ID), SCHEDULER(AppConfig.SCHEDULE_GROUP_NAME),
        EVENTBRIDGE(AppConfig.INTEGRATION_EVENT_BUS_NAME);

        final String variable;

        Service(String variable) {
            this.variable = variable;
        }

        /** The services a handler class uses, read from its {@link ReadsEnvironment} declaration. */
        static Set<Service> of(Class<?> handler) {
            Set<Service> services = EnumSet.noneOf(Service.class);
            ReadsEnvironment reads = handler.getAnnotation(ReadsEnvironment.class);
            if (reads != null) {
                List<String> names = List.of(reads.value());
                for (Service s : values()) {
                    if (names.contains(s.variable)) {
                        services.add(s);
                    }
                }
            }
            return services;
        }
    }

    static final String ITEM = "{\"pk\":{\"S\":\"~priming\"},\"sk\":{\"S\":\"~priming\"},\"n\":{\"N\":\"12.50\"},"
            + "\"t\":{\"BOOL\":true},\"z\":{\"NULL\":true},\"l\":{\"L\":[{\"S\":\"a\"},{\"N\":\"2\"}]},"
            + "\"m\":{\"M\":{\"a\":{\"S\":\"b\"},\"c\":{\"N\":\"3\"}}},\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\"]}}";
    private static final String DDB_ERROR = "com.amazonaws.dynamodb.v20120810#";

    /** Runs the services' calls on canned clients; answers how many requests were made. Never throws. */
    static int run(Set<Service> services, Region region, java.util.Optional<java.net.URI> endpoint) {
        return run(services, region, endpoint, "priming");
    }

    /** As {@link #run(Set, Region, java.util.Optional)}, the DynamoDB calls naming {@code table} (tests: the real one). */
    static int run(Set<Service> services, Region region, java.util.Optional<java.net.URI> endpoint, String table) {
        int requests = 0;
        for (Service s : services) {
            CannedHttpClient http = new CannedHttpClient();
            try {
                switch (s) {
                    case DYNAMODB -> dynamoDb(http, region, endpoint, table);
                    case SQS -> sqs(http, region, endpoint);
                    case SES -> ses(http, region, endpoint);
                    case SNS -> sns(http, region, endpoint);
                    case SCHEDULER -> scheduler(http, region, endpoint);
                    case EVENTBRIDGE -> eventBridge(http, region, endpoint);
                }
            } catch (RuntimeException e) {
                // Priming must never fail a snapshot.
            }
            requests += http.requests();
        }
        return requests;
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B canned(B builder,
                                                                                                CannedHttpClient http, Region region,
                                                                                                java.util.Optional<java.net.URI> endpoint) {
        endpoint.ifPresent(builder::endpointOverride);
        return builder.httpClient(http).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")));
    }

    private static void expectFailure(Runnable call) {
        try {
            call.run();
        } catch (SdkException expected) {
            // The error path is what is primed here.
        }
    }

    static void dynamoDb(CannedHttpClient http, Region region, java.util.Optional<java.net.URI> endpoint) {
        dynamoDb(http, region, endpoint, "priming");
    }

    static void dynamoDb(CannedHttpClient http, Region region, java.util.Optional<java.net.URI> endpoint, String table) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("~priming"), "sk", AttributeValue.fromS("~priming"));
        Map<String, AttributeValue> values = Map.of(":n", AttributeValue.fromN("1"), ":s", AttributeValue.fromS("x"),
                ":l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"))));
        String item = "{\"Item\":" + ITEM + "}";
        http.answer(200, item)
                .answer(200, "{\"Items\":[" + ITEM + "," + ITEM + "],\"Count\":2,\"ScannedCount\":2,"
                        + "\"LastEvaluatedKey\":{\"pk\":{\"S\":\"~priming\"},\"sk\":{\"S\":\"~priming\"}}}")
                .answer(200, "{}")
                .error(400, "ConditionalCheckFailedException", "{\"__type\":\"" + DDB_ERROR
                        + "ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}")
                .answer(200, "{\"Attributes\":" + ITEM + "}")
                .answer(200, "{}")
                .answer(200, "{}")
                .error(400, "TransactionCanceledException", "{\"__type\":\"" + DDB_ERROR
                        + "TransactionCanceledException\",\"Message\":\"Transaction cancelled, please refer cancellation "
                        + "reasons for specific reasons [ConditionalCheckFailed, None]\",\"CancellationReasons\":["
                        + "{\"Code\":\"ConditionalCheckFailed\",\"Message\":\"The conditional request failed\",\"Item\":"
                        + ITEM + "},{\"Code\":\"None\"}]}")
                .answer(200, "{\"Responses\":{\"" + table + "\":[" + ITEM + "]},\"UnprocessedKeys\":{}}")
                .answer(200, "{\"UnprocessedItems\":{}}");
        try (DynamoDbClient c = canned(DynamoDbClient.builder(), http, region, endpoint).build()) {
            c.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            c.query(b -> b.tableName(table).indexName("gsi").keyConditionExpression("#p = :s and begins_with(sk, :s)")
                    .expressionAttributeNames(Map.of("#p", "pk")).projectionExpression("#p, sk")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("x"))).consistentRead(false)
                    .scanIndexForward(false).limit(25).exclusiveStartKey(key)).items();
            c.putItem(b -> b.tableName(table).item(key).conditionExpression("attribute_not_exists(pk)"));
            expectFailure(() -> c.putItem(b -> b.tableName(table).item(key)
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(
                            software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            c.updateItem(b -> b.tableName(table).key(key).updateExpression("SET #n = if_not_exists(#n, :n) + :n, l = :l")
                    .expressionAttributeNames(Map.of("#n", "n"))
                    .expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW)).attributes();
            c.deleteItem(b -> b.tableName(table).key(key).conditionExpression("attribute_exists(pk)"));
            Consumer<software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.Builder> transaction = b -> b
                    .clientRequestToken("priming").transactItems(
                            TransactWriteItem.builder().put(Put.builder().tableName(table).item(key)
                                    .conditionExpression("attribute_not_exists(pk)").build()).build(),
                            TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                                    .updateExpression("SET n = n + :n").expressionAttributeValues(values).build()).build(),
                            TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                                    .conditionExpression("attribute_exists(pk)").build()).build());
            c.transactWriteItems(transaction);
            expectFailure(() -> c.transactWriteItems(transaction));
            c.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(key)
                    .consistentRead(true).build()))).responses();
            c.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                    software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                            .putRequest(p -> p.item(key)).build()))));
        }
    }

    static void sqs(CannedHttpClient http, Region region, java.util.Optional<java.net.URI> endpoint) {
        String body = "{\"merchantId\":\"~priming\",\"jobId\":\"~priming\",\"chunk\":0}";
        http.answer(200, "{\"Successful\":[{\"Id\":\"0\",\"MessageId\":\"priming\",\"MD5OfMessageBody\":\"" + md5(body)
                + "\"}],\"Failed\":[]}");
        try (SqsClient c = canned(SqsClient.builder(), http, region, endpoint).build()) {
            c.sendMessageBatch(b -> b.queueUrl("https://sqs." + region.id() + ".amazonaws.com/000000000000/priming")
                    .entries(e -> e.id("0").messageBody(body)));
        }
    }

    static void ses(CannedHttpClient http, Region region, java.util.Optional<java.net.URI> endpoint) {
        http.answer(200, "{\"MessageId\":\"priming\"}")
                .error(400, "MessageRejected", "{\"message\":\"priming\"}");
        try (SesV2Client c = canned(SesV2Client.builder(), http, region, endpoint).build()) {
            var request = software.amazon.awssdk.services.sesv2.model.SendEmailRequest.builder()
                    .fromEmailAddress("priming@example.invalid").configurationSetName("priming")
                    .destination(d -> d.toAddresses("priming@example.invalid"))
                    .content(ct -> ct.simple(m -> m.subject(s -> s.data("priming").charset("UTF-8"))
                            .body(b -> b.html(h -> h.data("<p>priming</p>").charset("UTF-8"))
                                    .text(t -> t.data("priming").charset("UTF-8"))))).build();
            c.sendEmail(request).messageId();
            expectFailure(() -> c.sendEmail(request));
        }
    }

    static void sns(CannedHttpClient http, Region region, java.util.Optional<java.net.URI> endpoint) {
        http.answer(200, "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>priming</MessageId></PublishResult><ResponseMetadata><RequestId>priming</RequestId>"
                + "</ResponseMetadata></PublishResponse>");
        try (SnsClient c = canned(SnsClient.builder(), http, region, endpoint).build()) {
            c.publish(b -> b.phoneNumber("+10000000000").message("priming").messageAttributes(Map.of(
                    "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional")
                            .build()))).messageId();
        }
    }

    static void scheduler(CannedHttpClient http, Region region, java.util.Optional<java.net.URI> endpoint) {
        http.answer(200, "{\"ScheduleArn\":\"arn:aws:scheduler:" + region.id() + ":000000000000:schedule/priming/priming\"}")
                .error(409, "ConflictException", "{\"Message\":\"priming\"}")
                .answer(200, "{}");
        try (SchedulerClient c = canned(SchedulerClient.builder(), http, region, endpoint).build()) {
            var request = software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest.builder().name("priming")
                    .groupName("priming").description("priming").scheduleExpression("at(2000-01-01T00:00:00)")
                    .scheduleExpressionTimezone("UTC").flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion.DELETE)
                    .state(software.amazon.awssdk.services.scheduler.model.ScheduleState.ENABLED)
                    .target(t -> t.arn("arn:aws:lambda:" + region.id() + ":000000000000:function:priming")
                            .roleArn("arn:aws:iam::000000000000:role/priming").input("{}")
                            .retryPolicy(r -> r.maximumRetryAttempts(1).maximumEventAgeInSeconds(60))
                            .deadLetterConfig(d -> d.arn("arn:aws:sqs:" + region.id() + ":000000000000:priming"))).build();
            c.createSchedule(request);
            expectFailure(() -> c.createSchedule(request));
            c.deleteSchedule(b -> b.groupName("priming").name("priming"));
        }
    }

    static void eventBridge(CannedHttpClient http, Region region, java.util.Optional<java.net.URI> endpoint) {
        http.answer(200, "{\"Entries\":[{\"EventId\":\"priming\"}],\"FailedEntryCount\":0}");
        try (EventBridgeClient c = canned(EventBridgeClient.builder(), http, region, endpoint).build()) {
            c.putEvents(b -> b.entries(PutEventsRequestEntry.builder().eventBusName("priming").source("priming")
                    .detailType("priming").time(Instant.EPOCH).detail("{}").build())).entries();
        }
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
