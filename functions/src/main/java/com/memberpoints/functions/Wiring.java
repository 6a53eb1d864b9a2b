package com.memberpoints.functions;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.Optional;

/**
 * The composition root: builds configuration and SDK clients once per container (Lambda reuses the
 * JVM across invocations) and hands them to handlers' no-arg constructors. Each holder is a nested
 * class, so nothing is built — and no SDK class is loaded — until a handler first asks for it (the
 * health handler never does).
 *
 * <p>Conventions for what gets added here: one {@link SdkHttpClient} (URLConnection; Apache and Netty
 * are excluded) shared by every client, the default credentials chain, the region from
 * {@code AWS_REGION}, an endpoint override only when {@code AWS_ENDPOINT_URL} is set (emulators), names
 * from {@link AppConfig}. Adapters (e.g. {@code DynamoDbLedgerStore}) are built from these clients in
 * factory methods here, never inside handlers. Only clients and configuration are static.
 */
public final class Wiring {
    private Wiring() {}

    public static AppConfig config() {
        return ConfigHolder.CONFIG;
    }

    public static SdkHttpClient httpClient() {
        return HttpHolder.HTTP;
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbHolder.CLIENT;
    }

    private static final class ConfigHolder {
        static final AppConfig CONFIG = AppConfig.fromEnvironment();
    }

    private static final class HttpHolder {
        static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();
    }

    private static final class DynamoDbHolder {
        static final DynamoDbClient CLIENT = dynamoDb(config(), httpClient());
    }

    /** How the DynamoDB client is built (region from config, endpoint override only when configured). */
    static DynamoDbClient dynamoDb(AppConfig config, SdkHttpClient http) {
        var builder = DynamoDbClient.builder()
                .httpClient(http)
                .region(Region.of(config.region()));
        Optional<String> endpoint = config.endpointOverride();
        if (endpoint.isPresent()) {
            builder.endpointOverride(URI.create(endpoint.get()));
        }
        return builder.build();
    }
}
