package com.memberpoints.infra.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients of one container (one Lambda execution environment, one local stack, one test
 * run): each client is built lazily, at most once, and every client shares one
 * {@link UrlConnectionHttpClient} and one credentials provider.
 *
 * <p>Configuration comes from the environment: {@value #REGION_VARIABLE} (required; Lambda always
 * sets it) and, optionally, {@value #ENDPOINT_VARIABLE}, which points every client at an AWS API
 * emulator (moto, LocalStack). The endpoint is applied explicitly as an endpoint override rather
 * than left to the SDK's own environment lookup, so that the choice is visible and tested here; an
 * explicit endpoint also wins over service-specific variables such as {@code AWS_ENDPOINT_URL_SNS}.
 * Note that with no endpoint in {@link Settings} the SDK still performs its own lookup of those
 * variables (and of {@code endpoint_url} in the shared config file): production sets none of them.
 *
 * <p>Retries: DynamoDB and Scheduler keep the SDK's standard retry strategy (our calls to them are idempotent by
 * design: conditional writes, named schedules). The SES v2 and SNS clients NEVER retry inside the SDK
 * ({@link AwsRetryStrategy#doNotRetry()}): a retried {@code SendEmail}/{@code Publish} after a lost answer would send
 * the message twice; the notification dispatcher does its own bounded retries, only of failures where the message
 * certainly was not accepted. Defence in depth: a plain {@code HttpURLConnection} silently re-sends a POST once when
 * reading its answer fails (system property {@value #JDK_RETRY_POST_PROPERTY}, true by default, read once per JVM).
 * Through {@code UrlConnectionHttpClient} 2.41.18 a single request was observed even with the default (see
 * {@code SendAttemptsIT} and docs/decisions.md), but that is an implementation detail of the SDK, so the property is
 * turned off when this class loads, before any HTTP client exists, unless it was set explicitly.
 *
 * <p>Credentials ({@link #credentialsFor}): inside Lambda ({@value #LAMBDA_FUNCTION_VARIABLE} set) the
 * one provider the runtime's environment calls for — the function role's keys in environment variables
 * ({@link EnvironmentVariableCredentialsProvider}, AWS's own cold-start advice), or, where Lambda hands out
 * credentials through its container endpoint instead (SnapStart), {@link ContainerCredentialsProvider}.
 * That is the provider the default chain would end up with, without building and probing the chain
 * (profile files, web identity, IMDS). Anywhere else the default credentials chain. Tests against
 * emulators pass fixed dummy credentials so that a developer's real credentials can never be used by a test.
 */
public final class AwsClients implements AutoCloseable {

    public static final String REGION_VARIABLE = "AWS_REGION";
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";
    /** Set by the Lambda runtime in every execution environment. */
    public static final String LAMBDA_FUNCTION_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";
    static final String ACCESS_KEY_VARIABLE = "AWS_ACCESS_KEY_ID";
    static final String CONTAINER_CREDENTIALS_VARIABLE = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    /** The JDK's switch for re-sending a non-streamed POST once when reading its answer fails. */
    public static final String JDK_RETRY_POST_PROPERTY = "sun.net.http.retryPost";

    static {
        // Must happen before sun.net.www.http.HttpClient is initialised (it reads the property once).
        if (System.getProperty(JDK_RETRY_POST_PROPERTY) == null) {
            System.setProperty(JDK_RETRY_POST_PROPERTY, "false");
        }
    }

    private final Settings settings;
    private final AwsCredentialsProvider credentials;
    private final Lazy<SdkHttpClient> httpClient;
    private final Lazy<DynamoDbClient> dynamoDb;
    private final Lazy<DynamoDbStreamsClient> dynamoDbStreams;
    private final Lazy<SesV2Client> sesV2;
    private final Lazy<SnsClient> sns;
    private final Lazy<SqsClient> sqs;
    private final Lazy<SchedulerClient> scheduler;
    private final Lazy<EventBridgeClient> eventBridge;

    private AwsClients(Settings settings, AwsCredentialsProvider credentials) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.httpClient = new Lazy<>(() -> UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.socketTimeout())
                .build());
        this.dynamoDb = new Lazy<>(() -> configure(DynamoDbClient.builder()).build());
        // Reads only (GetShardIterator, GetRecords): standard retries are harmless.
        this.dynamoDbStreams = new Lazy<>(() -> configure(DynamoDbStreamsClient.builder()).build());
        this.sesV2 = new Lazy<>(() -> configure(SesV2Client.builder(), AwsRetryStrategy.doNotRetry()).build());
        this.sns = new Lazy<>(() -> configure(SnsClient.builder(), AwsRetryStrategy.doNotRetry()).build());
        this.sqs = new Lazy<>(() -> configure(SqsClient.builder()).build());
        this.scheduler = new Lazy<>(() -> configure(SchedulerClient.builder()).build());
        // Standard retries: a PutEvents repeated after a lost answer only duplicates events, which consumers
        // deduplicate on their eventId (delivery is at least once by design).
        this.eventBridge = new Lazy<>(() -> configure(EventBridgeClient.builder()).build());
    }

    /** Clients configured from the process environment, credentials as {@link #credentialsFor} chooses. */
    public static AwsClients fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Clients configured from {@code environment} (the process environment in production), credentials as {@link #credentialsFor} chooses. */
    public static AwsClients fromEnvironment(Map<String, String> environment) {
        return create(Settings.fromEnvironment(environment), credentialsFor(environment));
    }

    /**
     * The credentials provider for {@code environment}: in Lambda ({@value #LAMBDA_FUNCTION_VARIABLE} set)
     * the environment-variable provider when the runtime put the role's keys there
     * ({@code AWS_ACCESS_KEY_ID}), else the container provider when it points at its credentials endpoint
     * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, SnapStart); in every other case (and in a Lambda with
     * neither) the default chain. The provider reads the variables when credentials are resolved, so a
     * SnapStart restore that refreshes them is honoured.
     */
    public static AwsCredentialsProvider credentialsFor(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        if (present(environment, LAMBDA_FUNCTION_VARIABLE)) {
            if (present(environment, ACCESS_KEY_VARIABLE)) {
                return EnvironmentVariableCredentialsProvider.create();
            }
            if (present(environment, CONTAINER_CREDENTIALS_VARIABLE)) {
                return ContainerCredentialsProvider.create();
            }
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean present(Map<String, String> environment, String name) {
        return !environment.getOrDefault(name, "").isBlank();
    }

    /** Clients with explicit settings and credentials (tests against emulators, the local stack). */
    public static AwsClients create(Settings settings, AwsCredentialsProvider credentials) {
        return new AwsClients(settings, credentials);
    }

    public Settings settings() {
        return settings;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    /** The ledger table's change stream (replay of a range a stream consumer gave up on). */
    public DynamoDbStreamsClient dynamoDbStreams() {
        return dynamoDbStreams.get();
    }

    public SesV2Client sesV2() {
        return sesV2.get();
    }

    public SnsClient sns() {
        return sns.get();
    }

    /** SQS: the bulk assignment job queue. */
    public SqsClient sqs() {
        return sqs.get();
    }

    public SchedulerClient scheduler() {
        return scheduler.get();
    }

    /** EventBridge: PutEvents of the integration events. */
    public EventBridgeClient eventBridge() {
        return eventBridge.get();
    }

    /** The one HTTP client every SDK client of this container uses. */
    public SdkHttpClient httpClient() {
        return httpClient.get();
    }

    /** A client with the SDK's standard retry strategy (idempotent calls only). */
    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        return configure(builder, null);
    }

    /** A client with {@code retryStrategy}, or the SDK's default (standard mode) when null. */
    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
                                                                                       RetryStrategy retryStrategy) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .apiCallTimeout(settings.callTimeout());
        if (retryStrategy != null) {
            override.retryStrategy(retryStrategy);
        }
        builder.httpClient(httpClient.get())
                .credentialsProvider(credentials)
                .region(settings.region())
                .overrideConfiguration(override.build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    /** Closes the clients that were built and then the shared HTTP client. */
    @Override
    public void close() {
        dynamoDb.ifBuilt(DynamoDbClient::close);
        dynamoDbStreams.ifBuilt(DynamoDbStreamsClient::close);
        sesV2.ifBuilt(SesV2Client::close);
        sns.ifBuilt(SnsClient::close);
        sqs.ifBuilt(SqsClient::close);
        scheduler.ifBuilt(SchedulerClient::close);
        eventBridge.ifBuilt(EventBridgeClient::close);
        httpClient.ifBuilt(SdkHttpClient::close);
    }

    /**
     * Region, optional endpoint override and timeouts. Timeouts: 2 s to connect, 10 s per socket
     * read, 10 s per attempt and 25 s per call including the SDK's retries (standard retry mode; none for SES and SNS),
     * which keeps a call well inside the functions' Lambda timeouts.
     */
    public record Settings(
            Region region,
            Optional<URI> endpoint,
            Duration connectTimeout,
            Duration socketTimeout,
            Duration attemptTimeout,
            Duration callTimeout) {

        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
        public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(10);
        public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
        public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(25);

        public Settings {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(endpoint, "endpoint");
            endpoint.ifPresent(Settings::checkEndpoint);
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(socketTimeout, "socketTimeout");
            requirePositive(attemptTimeout, "attemptTimeout");
            requirePositive(callTimeout, "callTimeout");
        }

        /** Default timeouts. */
        public static Settings of(Region region, Optional<URI> endpoint) {
            return new Settings(region, endpoint, DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT,
                    DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CALL_TIMEOUT);
        }

        /**
         * Reads {@value #REGION_VARIABLE} (required) and {@value #ENDPOINT_VARIABLE} (optional; blank
         * means absent). A missing region or a malformed endpoint fails fast with the variable's name.
         */
        public static Settings fromEnvironment(Map<String, String> environment) {
            Objects.requireNonNull(environment, "environment");
            String region = environment.getOrDefault(REGION_VARIABLE, "").strip();
            if (region.isEmpty()) {
                throw new IllegalStateException(REGION_VARIABLE + " must be set (for example us-east-1)");
            }
            String endpoint = environment.getOrDefault(ENDPOINT_VARIABLE, "").strip();
            return of(Region.of(region), endpoint.isEmpty() ? Optional.empty() : Optional.of(parseEndpoint(endpoint)));
        }

        private static URI parseEndpoint(String value) {
            try {
                return new URI(value);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(ENDPOINT_VARIABLE + " is not a valid URI: " + value, e);
            }
        }

        private static void checkEndpoint(URI endpoint) {
            String scheme = endpoint.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
                throw new IllegalStateException(
                        ENDPOINT_VARIABLE + " must be an absolute http(s) URL such as http://127.0.0.1:4566, got: " + endpoint);
            }
        }

        private static void requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    /** Thread-safe build-once holder. */
    private static final class Lazy<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = Objects.requireNonNull(factory.get());
                        value = result;
                    }
                }
            }
            return result;
        }

        void ifBuilt(java.util.function.Consumer<T> action) {
            T result = value;
            if (result != null) {
                action.accept(result);
            }
        }
    }
}
